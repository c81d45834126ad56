package org.relay.activity;

import org.camunda.bpm.engine.IdentityService;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.InvalidRequestException;
import org.relay.common.NotFoundException;
import org.relay.common.ReadOnly;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.security.QueueScope;
import org.relay.referral.ReferralAccess;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Open referrals of a user ("my open referrals": what they own and have not closed) or of a queue (owned by a member
 * or waiting for one), with when something last happened on each — longest idle first ({@code sort=idle}, the
 * default) or in Tasklist's priority order ({@code sort=priority}). One page per call ({@code page}, {@code size} up
 * to 200, 50 by default), ordered and cut in PostgreSQL; {@code X-Total-Count} tells how many there are in all.
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

    private final ReferralRepository referrals;
    private final IdentityService identityService;
    private final Clock clock;
    private final ReadOnly readOnly;
    private final AuditTrail audit;
    private final ReferralAccess access;

    OpenReferralsController(ReferralRepository referrals, IdentityService identityService, Clock clock,
                            ReadOnly readOnly, AuditTrail audit, ReferralAccess access) {
        this.access = access;
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
        QueueScope scope = access.requireUserVisible(userId);
        boolean byPriority = byPriority(sort);
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw NotFoundException.of("problem.common.no-user", userId);
        }
        PageRequest pageRequest = pageRequest(page, size);
        if (!scope.everything()) {
            // a manager's view of a member: only what lies in the queues they manage
            Set<String> queues = scope.queues().isEmpty() ? Set.of("") : scope.queues();
            return listed("open referrals of " + userId + " in the queues the caller manages", sort, pageRequest,
                    () -> new Listed(referrals.countOpenOwnedByIn(userId, queues),
                            views(byPriority ? referrals.findOpenByPriorityIn(userId, queues, pageRequest)
                                    : referrals.findOpenLongestIdleFirstIn(userId, queues, pageRequest))));
        }
        return listed("open referrals of " + userId, sort, pageRequest, () -> new Listed(
                referrals.countOpenOwnedBy(userId),
                views(byPriority ? referrals.findOpenByPriority(userId, pageRequest)
                        : referrals.findOpenLongestIdleFirst(userId, pageRequest))));
    }

    /**
     * The queue view without Camunda's candidate-group task query, which joins and sorts every task of a large queue
     * (docs/benchmarks.md): by priority, one page walked off the partial index of open referrals per queue.
     */
    @GetMapping("/api/queues/{queueId}/open-referrals")
    ResponseEntity<List<OpenReferral>> openInQueue(@PathVariable String queueId,
                                                   @RequestParam(defaultValue = "idle") String sort,
                                                   @RequestParam(defaultValue = "0") int page,
                                                   @RequestParam(defaultValue = "50") int size) {
        access.requireQueueVisible(queueId);
        boolean byPriority = byPriority(sort);
        if (identityService.createGroupQuery().groupId(queueId).count() == 0) {
            throw NotFoundException.of("problem.common.no-queue", queueId);
        }
        PageRequest pageRequest = pageRequest(page, size);
        return listed("open referrals in queue " + queueId, sort, pageRequest, () -> new Listed(
                referrals.countOpenInQueue(queueId),
                views(byPriority ? referrals.findOpenInQueueByPriority(queueId, pageRequest)
                        : referrals.findOpenInQueueLongestIdleFirst(queueId, pageRequest))));
    }

    private static boolean byPriority(String sort) {
        if (!sort.equals("idle") && !sort.equals("priority")) {
            throw InvalidRequestException.of("sort", "problem.activity.sort");
        }
        return sort.equals("priority");
    }

    private static PageRequest pageRequest(int page, int size) {
        return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
    }

    /** Reads the page and total in one read-only transaction, then audits the read of personal data. */
    private ResponseEntity<List<OpenReferral>> listed(String what, String sort, PageRequest pageRequest,
                                                      java.util.function.Supplier<Listed> read) {
        Listed listed = readOnly.read(read);
        audit.write(AuditAction.LISTED, null, what, listed.rows().size() + " of " + listed.total() + ", page "
                + pageRequest.getPageNumber() + ", by " + sort, null);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(listed.total())).body(listed.rows());
    }

    private List<OpenReferral> views(List<Referral> page) {
        Instant now = clock.instant();
        return page.stream().map(r -> view(r, now)).toList();
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
