package org.relay.intake;

import org.relay.referral.ReferrerType;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.referral.ReferralAccess;
import org.relay.security.Callers;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.springframework.http.ResponseEntity;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /api/referrals}: the API channel of intake. */
@RestController
class ReferralIntakeController {

    private final IdempotentIntake intake;
    private final DuplicateResolution duplicates;
    private final ReferralViews views;
    private final ReferralAccess access;
    private final Callers callers;
    private final AuditTrail audit;

    ReferralIntakeController(IdempotentIntake intake, DuplicateResolution duplicates, ReferralViews views,
                             ReferralAccess access, Callers callers, AuditTrail audit) {
        this.access = access;
        this.callers = callers;
        this.audit = audit;
        this.intake = intake;
        this.duplicates = duplicates;
        this.views = views;
    }

    /** This referral duplicates another open one of the same customer: close it into that one. */
    @PostMapping("/api/referrals/{referenceNumber}/merge")
    ReferralView merge(@PathVariable String referenceNumber, @Valid @RequestBody DuplicateResolution.MergeRequest request) {
        access.decidable(referenceNumber, callers.actingAs(request.requestedBy(), "requestedBy"));
        access.visible(request.into());
        audit.write(AuditAction.CHANGED, referenceNumber, null, "merged into " + request.into(), request.note());
        return views.detail(duplicates.merge(referenceNumber, request).getReferenceNumber());
    }

    /** The customer's other open interest is a separate need: record the decision and keep both. */
    @PostMapping("/api/referrals/{referenceNumber}/keep-both")
    ReferralView keepBoth(@PathVariable String referenceNumber, @Valid @RequestBody DuplicateResolution.KeepRequest request) {
        access.actionable(referenceNumber, callers.actingAs(request.requestedBy(), "requestedBy"));
        audit.write(AuditAction.CHANGED, referenceNumber, null, "kept apart from its possible duplicates", request.note());
        return views.detail(duplicates.keepBoth(referenceNumber, request).getReferenceNumber());
    }

    /**
     * Creates a referral. With an {@code Idempotency-Key} header a retried request gets the first response (marked
     * {@code Idempotent-Replayed: true}) and creates nothing.
     */
    @PostMapping("/api/referrals")
    ResponseEntity<ReferralView> create(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                        @RequestBody CreateReferralRequest request) {
        if (request.referrer() != null && request.referrer().type() == ReferrerType.INTERNAL_USER) {
            callers.actingAs(request.referrer().id(), "referrer.id");
        }
        IdempotentIntake.Result result = intake.create(idempotencyKey, request);
        if (!result.replayed()) {
            audit.referral(AuditAction.CREATED, result.referral().getReferenceNumber(), "through the API");
        }
        String reference = result.referral().getReferenceNumber();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{referenceNumber}").buildAndExpand(reference).toUri())
                .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                .body(views.detail(reference));
    }
}
