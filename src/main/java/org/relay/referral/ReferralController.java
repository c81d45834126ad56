package org.relay.referral;

import org.relay.common.ReadOnly;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.relay.security.ReferralAccess;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralViews views;
    private final ReferralAccess access;
    private final Callers callers;
    private final AuditTrail audit;

    private final ReadOnly readOnly;

    ReferralController(ReferralViews views, ReferralAccess access, Callers callers,
                       AuditTrail audit, ReadOnly readOnly) {
        this.readOnly = readOnly;
        this.views = views;
        this.access = access;
        this.callers = callers;
        this.audit = audit;
    }

    @GetMapping("/{referenceNumber}")
    public ReferralView detail(@PathVariable String referenceNumber) {
        access.visible(referenceNumber);
        audit.referral(AuditAction.VIEWED, referenceNumber, "referral detail");
        return views.detail(referenceNumber);
    }

    /** Newest first; {@code status} may repeat (e.g. ?status=ASSIGNED&status=ACCEPTED). */
    @GetMapping
    List<ReferralView> list(@RequestParam(required = false) List<ReferralStatus> status,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        PageRequest pageRequest = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
                Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        Collection<ReferralStatus> statuses = status == null || status.isEmpty() ? EnumSet.allOf(ReferralStatus.class) : status;
        Caller caller = callers.current();
        List<ReferralView> listed = readOnly.read(() ->
                access.page(caller, statuses, pageRequest).map(views::summary).getContent());
        audit.write(AuditAction.LISTED, null, "referral list", listed.size() + " referrals, page " + pageRequest.getPageNumber()
                + ", status " + statuses, null);
        return listed;
    }
}
