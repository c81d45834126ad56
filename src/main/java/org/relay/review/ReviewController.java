package org.relay.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.relay.security.Callers;
import org.relay.referral.ReferralAccess;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/referrals/{ref}/review}: the Review form's decision, for the signed-in recipient. */
@RestController
class ReviewController {

    record ReviewRequest(@NotNull ReviewByApi.Decision decision, @Size(max = 40) String rejectReason,
                         @Size(max = 2000) String note, @Size(max = 64) String toUser, @Size(max = 64) String toQueue) {
    }

    private final ReviewByApi review;
    private final ReferralAccess access;
    private final Callers callers;
    private final ReferralViews views;
    private final AuditTrail audit;

    ReviewController(ReviewByApi review, ReferralAccess access, Callers callers, ReferralViews views, AuditTrail audit) {
        this.review = review;
        this.access = access;
        this.callers = callers;
        this.views = views;
        this.audit = audit;
    }

    @PostMapping("/api/referrals/{referenceNumber}/review")
    ReferralView decide(@PathVariable String referenceNumber, @Valid @RequestBody ReviewRequest request) {
        access.actionable(referenceNumber);
        review.decide(referenceNumber, callers.current(), request);
        audit.write(request.decision() == ReviewByApi.Decision.REASSIGN ? AuditAction.REASSIGNED : AuditAction.CHANGED,
                referenceNumber, null, "review: " + request.decision(), request.note());
        return views.detail(referenceNumber);
    }
}
