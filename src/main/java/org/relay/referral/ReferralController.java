package org.relay.referral;

import org.relay.common.ReadOnly;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

    /**
     * The referral with its timeline. Someone who sees it only as its referrer or creator gets the timeline without
     * its activities: they read those shared with them in {@code GET …/activities}.
     */
    @GetMapping("/{referenceNumber}")
    public ReferralView detail(@PathVariable String referenceNumber) {
        Referral referral = access.visible(referenceNumber);
        audit.referral(AuditAction.VIEWED, referenceNumber, "referral detail");
        ReferralView view = views.detail(referenceNumber);
        return access.seesAllOf(callers.current(), referral) ? view : view.withoutActivities();
    }

    /**
     * Newest first; {@code status} may repeat (e.g. ?status=ASSIGNED&status=ACCEPTED); {@code q} finds a reference
     * number or part of a customer's name (case-insensitive). Only what the caller may see; the total in
     * {@code X-Total-Count}.
     */
    @GetMapping
    ResponseEntity<List<ReferralView>> list(@RequestParam(required = false) List<String> status,
                                            @RequestParam(required = false) String q,
                                            @RequestParam(required = false) String page,
                                            @RequestParam(required = false) String size) {
        ReferralListQuery query = ReferralListQuery.parse(status, q, page, size);
        Caller caller = callers.current();
        Page<ReferralView> listed = readOnly.read(() -> access.page(caller, query).map(views::summary));
        audit.write(AuditAction.LISTED, null, "referral list", listed.getNumberOfElements() + " of "
                + listed.getTotalElements() + " referrals, page " + query.page().getPageNumber() + ", status "
                + query.statuses() + (query.searching() ? ", searched" : ""), null);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(listed.getTotalElements()))
                .body(listed.getContent());
    }
}
