package org.relay.standing;

import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.ReadOnly;
import org.relay.referral.ReferrerType;
import org.relay.security.Callers;
import org.relay.referral.ReferralAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * "Referrals I sent" and where one referral stands, in plain words. The sent list is always the caller's own (the
 * referrals they referred as a colleague, {@code INTERNAL_USER} with their user id): nobody, administrators included,
 * reads someone else's through it. A referral's standing is for whoever may see the referral.
 */
@RestController
class StandingController {

    private final ReferralStandings standings;
    private final ReferralAccess access;
    private final Callers callers;
    private final ReadOnly readOnly;
    private final AuditTrail audit;

    StandingController(ReferralStandings standings, ReferralAccess access, Callers callers, ReadOnly readOnly,
                       AuditTrail audit) {
        this.standings = standings;
        this.access = access;
        this.callers = callers;
        this.readOnly = readOnly;
        this.audit = audit;
    }

    /** Newest first, {@code size} up to 200 (50 by default); {@code X-Total-Count} tells how many in all. */
    @GetMapping("/api/referrals/sent")
    ResponseEntity<List<ReferralStanding>> sent(@RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size, java.util.Locale locale) {
        String me = callers.current().userId();
        int from = Math.max(page, 0);
        int pageSize = Math.min(Math.max(size, 1), 200);
        ReferralStandings.SentPage sent = readOnly.read(() -> standings.sentBy(ReferrerType.INTERNAL_USER, me, from, pageSize, locale));
        audit.write(AuditAction.LISTED, null, "referrals sent by " + me, sent.standings().size() + " of "
                + sent.total() + ", page " + from, null);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(sent.total())).body(sent.standings());
    }

    @GetMapping("/api/referrals/{referenceNumber}/standing")
    ReferralStanding standing(@PathVariable String referenceNumber, java.util.Locale locale) {
        ReferralStanding standing = readOnly.read(() -> standings.of(access.visible(referenceNumber), locale));
        audit.referral(AuditAction.VIEWED, referenceNumber, "referral standing");
        return standing;
    }
}
