package org.relay.routing;

import jakarta.validation.Valid;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.relay.sla.SlaReplanning;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What a manager does to a running referral: hand it to someone else, or re-plan it by the current SLA table. */
@RestController
class ReferralActionsController {

    private final ManagerReassignment reassignment;
    private final SlaReplanning replanning;
    private final ReferralViews views;

    ReferralActionsController(ManagerReassignment reassignment, SlaReplanning replanning, ReferralViews views) {
        this.reassignment = reassignment;
        this.replanning = replanning;
        this.views = views;
    }

    @PostMapping("/api/referrals/{referenceNumber}/reassignment")
    ReferralView reassign(@PathVariable String referenceNumber, @Valid @RequestBody ManagerReassignment.Request request) {
        return views.detail(reassignment.reassign(referenceNumber, request).getReferenceNumber());
    }

    @PostMapping("/api/referrals/{referenceNumber}/sla-replan")
    ReferralView replan(@PathVariable String referenceNumber, @Valid @RequestBody SlaReplanning.Request request) {
        return views.detail(replanning.replan(referenceNumber, request).getReferenceNumber());
    }
}
