package org.relay.activity;

import org.camunda.bpm.engine.IdentityService;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.relay.common.NotFoundException;
import org.relay.common.ReadOnly;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.security.Callers;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * "My open referrals": what a user owns and has not closed, with when something last happened on each — longest idle
 * first ({@code sort=idle}, the default) or in Tasklist's priority order ({@code sort=priority}). One page per call
 * ({@code page}, {@code size} up to 200, 50 by default), ordered and cut in PostgreSQL; {@code X-Total-Count} tells
 * how many there are in all.
 */
@RestController
class OpenReferralsController {

    record OpenReferral(String referenceNumber, String customer, String expressedInterest, ReferralStatus status,
                        Integer leadScore, Integer taskPriority, Instant acceptedAt, Instant lastActivityAt,
                        long daysIdle) {
    }

    /** One page and how many there are in all, read in one transaction. */
    private record Listed(long total, List<OpenReferral> rows) {
    }

    private static final List<ReferralStatus> OPEN = Arrays.stream(ReferralStatus.values())
            .filter(ReferralStatus::isOpen).toList();

    private final ReferralRepository referrals;
    private final IdentityService identityService;
    private final Clock clock;
    private final Callers callers;
    private final ReadOnly readOnly;
    private final AuditTrail audit;

    OpenReferralsController(ReferralRepository referrals, IdentityService identityService, Clock clock, Callers callers,
                            ReadOnly readOnly, AuditTrail audit) {
        this.callers = callers;
        this.referrals = referrals;
        this.identityService = identityService;
        this.clock = clock;
        this.readOnly = readOnly;
        this.audit = audit;
    }

    @GetMapping("/api/users/{userId}/open-referrals")
    ResponseEntity<List<OpenReferral>> open(@PathVariable String userId,
                                            @RequestParam(defaultValue = "idle") String sort,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        callers.requireSelfOrManager(userId);
        if (!sort.equals("idle") && !sort.equals("priority")) {
            throw new InvalidRequestException(List.of(new FieldProblem("sort", "must be idle or priority")));
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new NotFoundException("No user " + userId);
        }
        PageRequest pageRequest = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
        Instant now = clock.instant();
        Listed listed = readOnly.read(() -> new Listed(referrals.countByOwnerIdAndStatusIn(userId, OPEN),
                (sort.equals("priority") ? referrals.findOpenByPriority(userId, OPEN, pageRequest)
                        : referrals.findOpenLongestIdleFirst(userId, OPEN, pageRequest))
                        .stream().map(r -> view(r, now)).toList()));
        audit.write(AuditAction.LISTED, null, "open referrals of " + userId, listed.rows().size() + " of "
                + listed.total() + ", page " + pageRequest.getPageNumber() + ", by " + sort, null);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(listed.total())).body(listed.rows());
    }

    private static OpenReferral view(Referral r, Instant now) {
        Instant since = r.getLastActivityAt() != null ? r.getLastActivityAt()
                : r.getAcceptedAt() != null ? r.getAcceptedAt()
                : r.getAssignedAt() != null ? r.getAssignedAt() : r.getCreatedAt();
        return new OpenReferral(r.getReferenceNumber(), r.getCustomer().getName(), r.getExpressedInterest(),
                r.getStatus(), r.getLeadScore(), r.getTaskPriority(), r.getAcceptedAt(), r.getLastActivityAt(),
                Duration.between(since, now).toDays());
    }
}
