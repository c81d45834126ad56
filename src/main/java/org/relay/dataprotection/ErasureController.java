package org.relay.dataprotection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/customers/{id}/erasure}: the right to erasure, for the data-protection role (relay-compliance)
 * and administrators. {@code id} is the bank's customer number or the reference number of one of the person's
 * referrals; every referral of theirs (matched by customer number, email or phone) is erased.
 */
@RestController
class ErasureController {

    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record ErasureResult(String customer, java.util.List<String> referrals, int newlyErased, int lifecyclesEnded) {
    }

    private final PersonalDataEraser eraser;
    private final AuditTrail audit;

    ErasureController(PersonalDataEraser eraser, AuditTrail audit) {
        this.eraser = eraser;
        this.audit = audit;
    }

    @PostMapping("/api/customers/{id}/erasure")
    ErasureResult erase(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ErasureRequest request) {
        PersonalDataEraser.Result result = eraser.eraseCustomer(id);
        for (String reference : result.referrals()) {
            audit.write(AuditAction.ERASED, reference, "customer " + id, "personal data erased on request", request.reason());
        }
        if (result.referrals().isEmpty()) {
            audit.write(AuditAction.ERASED, null, "customer " + id, "nothing held (or already erased)", request.reason());
        }
        return new ErasureResult(id, result.referrals(), result.newlyErased(), result.lifecyclesEnded());
    }
}
