package org.relay.sla;

import jakarta.validation.Valid;
import org.relay.referral.ReferralAccess;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.relay.security.Callers;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A manager re-plans a running referral's deadlines by the current SLA table. */
@RestController
class SlaReplanController {

    private final SlaReplanning replanning;
    private final ReferralViews views;
    private final ReferralAccess access;
    private final Callers callers;

    SlaReplanController(SlaReplanning replanning, ReferralViews views, ReferralAccess access, Callers callers) {
        this.replanning = replanning;
        this.views = views;
        this.access = access;
        this.callers = callers;
    }

    @PostMapping("/api/referrals/{referenceNumber}/sla-replan")
    ReferralView replan(@PathVariable String referenceNumber, @Valid @RequestBody SlaReplanning.Request request) {
        access.managed(referenceNumber, callers.actingAs(request.requestedBy(), "requestedBy"));
        return views.detail(replanning.replan(referenceNumber, request).getReferenceNumber());
    }
}
