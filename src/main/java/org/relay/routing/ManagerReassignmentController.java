package org.relay.routing;

import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.referral.ReferralAccess;
import org.relay.security.Callers;
import jakarta.validation.Valid;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A manager hands a running referral to someone else (re-planning its SLA is in sla/SlaReplanController). */
@RestController
class ManagerReassignmentController {

    private final ManagerReassignment reassignment;
    private final ReferralViews views;
    private final ReferralAccess access;
    private final Callers callers;
    private final AuditTrail audit;

    ManagerReassignmentController(ManagerReassignment reassignment, ReferralViews views, ReferralAccess access,
                                  Callers callers, AuditTrail audit) {
        this.access = access;
        this.callers = callers;
        this.audit = audit;
        this.reassignment = reassignment;
        this.views = views;
    }

    @PostMapping("/api/referrals/{referenceNumber}/reassignment")
    ReferralView reassign(@PathVariable String referenceNumber, @Valid @RequestBody ManagerReassignment.Request request) {
        access.managed(referenceNumber, callers.actingAs(request.requestedBy(), "requestedBy"));
        String reference = reassignment.reassign(referenceNumber, request).getReferenceNumber();
        audit.write(AuditAction.REASSIGNED, reference, null, "to " + (request.toUser() != null ? "user " + request.toUser()
                : "queue " + request.toQueue()), request.note());
        return views.detail(reference);
    }
}
