package org.relay.rewards;

import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payout batches for the reward programme's managers: create, read, download as CSV, confirm, cancel. */
@RestController
class PayoutController {

    /** Optional: only rewards of this referrer type (EMPLOYEE for payroll, ADVOCATE for the advocate payment system). */
    record CreateRequest(String referrerType) {
    }

    private final PayoutBatches payouts;
    private final RewardManagers managers;

    PayoutController(PayoutBatches payouts, RewardManagers managers) {
        this.payouts = payouts;
        this.managers = managers;
    }

    @PostMapping("/api/rewards/payouts")
    @ResponseStatus(HttpStatus.CREATED)
    PayoutBatches.BatchView create(@Valid @RequestBody(required = false) CreateRequest request) {
        String actor = managers.requireManager().userId();
        String type = request == null ? null : request.referrerType();
        return payouts.create(type == null || type.isBlank() ? null
                : RewardsController.parse(RewardReferrerType.class, type, "referrerType"), actor);
    }

    @GetMapping("/api/rewards/payouts/{reference}")
    PayoutBatches.BatchView get(@PathVariable String reference) {
        managers.requireManager();
        return payouts.get(reference);
    }

    @GetMapping("/api/rewards/payouts/{reference}/csv")
    ResponseEntity<String> csv(@PathVariable String reference) {
        managers.requireManager();
        String csv = payouts.csv(reference);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + reference + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(csv);
    }

    @PostMapping("/api/rewards/payouts/{reference}/confirmation")
    PayoutBatches.BatchView confirm(@PathVariable String reference) {
        return payouts.confirm(reference, managers.requireManager().userId());
    }

    @DeleteMapping("/api/rewards/payouts/{reference}")
    PayoutBatches.BatchView cancel(@PathVariable String reference) {
        return payouts.cancel(reference, managers.requireManager().userId());
    }
}
