package org.relay.intake;

import org.relay.referral.CreateReferralRequest;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /api/referrals}: the API channel of intake. */
@RestController
class ReferralIntakeController {

    private final IdempotentIntake intake;
    private final ReferralViews views;

    ReferralIntakeController(IdempotentIntake intake, ReferralViews views) {
        this.intake = intake;
        this.views = views;
    }

    /**
     * Creates a referral. With an {@code Idempotency-Key} header a retried request gets the first response (marked
     * {@code Idempotent-Replayed: true}) and creates nothing.
     */
    @PostMapping("/api/referrals")
    ResponseEntity<ReferralView> create(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                        @RequestBody CreateReferralRequest request) {
        IdempotentIntake.Result result = intake.create(idempotencyKey, request);
        String reference = result.referral().getReferenceNumber();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{referenceNumber}").buildAndExpand(reference).toUri())
                .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                .body(views.detail(reference));
    }
}
