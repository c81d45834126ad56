package org.relay.referral;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.relay.common.ForbiddenException;
import org.relay.common.NotFoundException;
import org.relay.common.ProblemTexts;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.relay.security.QueueScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.relay.queue.RoutingProperties;
import org.relay.queue.RoutingQueue;
import org.relay.queue.RoutingQueueRepository;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which referrals a caller may see, act on and manage — the one place of these rules. Seeing follows Tasklist: its
 * owner, members of its queue, its referrer and whoever created it see it; managers see the queues they manage (their
 * lines of business); administrators and compliance see all. A referral the caller may not see does not exist for
 * them (404). Acting (merge, keep both, activities, opportunity outcomes, reopen, review) is for its owner — while it
 * has none, a member of its queue —, a manager of its queue and administrators: anyone else who sees it gets 403.
 * Deciding an outcome is never for the referral's own referrer (their score and bonus depend on it), administrators
 * excepted.
 */
@Component
public class ReferralAccess {

    private final Callers callers;
    private final ReferralLookup lookup;
    private final RoutingQueueRepository queues;
    private final RoutingProperties routing;
    private final ReferralRepository referrals;
    private final IdentityService identityService;

    ReferralAccess(Callers callers, ReferralLookup lookup, RoutingQueueRepository queues, RoutingProperties routing,
                   ReferralRepository referrals, IdentityService identityService) {
        this.referrals = referrals;
        this.identityService = identityService;
        this.callers = callers;
        this.lookup = lookup;
        this.queues = queues;
        this.routing = routing;
    }

    /** The referral if the caller may see it; 404 otherwise, as if it did not exist. */
    public Referral visible(String referenceNumber) {
        Referral referral = lookup.require(referenceNumber);
        if (!canSee(callers.current(), referral)) {
            throw NotFoundException.of("problem.referral.not-found", referenceNumber);
        }
        return referral;
    }

    /**
     * The referral if the caller (or the {@code actor} an administrator names, see {@link #actionable(String, String)})
     * manages its queue; 404 if they cannot see it, 403 if they can but do not manage it.
     */
    public Referral managed(String referenceNumber, String actor) {
        Referral referral = visible(referenceNumber);
        Caller acting = acting(actor);
        if (!manages(acting, referral.getQueueId())) {
            throw ForbiddenException.of("problem.access.not-manager", acting.userId(), referral.getQueueId(),
                    referenceNumber);
        }
        return referral;
    }

    /**
     * The referral if the caller may act on it: its owner; while it has no owner, a member of its queue; a manager of
     * its queue; an administrator. 404 if they cannot see it, 403 saying why if they see it but may not act.
     */
    public Referral actionable(String referenceNumber) {
        return actionable(referenceNumber, null);
    }

    /**
     * The same for an action done in {@code actor}'s name ({@code requestedBy}, {@code recordedBy}, as
     * {@link Callers#actingAs} resolved it): when an administrator acts for someone else, that person must have the
     * right too — the action is theirs.
     */
    public Referral actionable(String referenceNumber, String actor) {
        Referral referral = visible(referenceNumber);
        Caller acting = acting(actor);
        if (!mayAct(acting, referral)) {
            throw ForbiddenException.of("problem.access.may-not-act", acting.userId(), referenceNumber,
                    whoMayAct(referral));
        }
        return referral;
    }

    /**
     * The referral if the caller (or the {@code actor} an administrator names) may decide its outcome — close its
     * opportunity, merge it away, reopen it: as {@link #actionable}, and never its own referrer unless an
     * administrator.
     */
    public Referral decidable(String referenceNumber, String actor) {
        Referral referral = actionable(referenceNumber, actor);
        Caller acting = acting(actor);
        if (!acting.isAdmin() && isReferrer(acting, referral)) {
            throw ForbiddenException.of("problem.access.referrer-decides", acting.userId(), referenceNumber);
        }
        return referral;
    }

    /**
     * Who acts: the caller, or the user an administrator names. A name that is no user is the request's fault, which
     * the action's validation answers with 400 naming the field; until then the administrator is judged.
     */
    private Caller acting(String actor) {
        Caller caller = callers.current();
        Caller named = actor == null || caller.is(actor) ? null : callers.named(actor);
        return named != null ? named : caller;
    }

    public boolean mayAct(Caller caller, Referral referral) {
        return caller.isAdmin() || caller.is(referral.getOwnerId())
                || (referral.getOwnerId() == null && caller.inGroup(referral.getQueueId()))
                || manages(caller, referral.getQueueId());
    }

    /**
     * Whether the caller sees all of the referral (its activities, notes), or only what is shared with its referrer
     * and creator — because that is all they are to it.
     */
    public boolean seesAllOf(Caller caller, Referral referral) {
        return caller.isAdmin() || caller.isCompliance() || caller.is(referral.getOwnerId())
                || caller.inGroup(referral.getQueueId()) || manages(caller, referral.getQueueId());
    }

    /**
     * Whether the caller may read the customer records (account, contacts, household) the referral converted into: its
     * owner (the opportunity's owner), a manager of its queue, compliance and administrators — not its referrer nor
     * the rest of its queue, who need the referral, not the bank's customer file.
     */
    public boolean mayReadCustomerOf(Caller caller, Referral referral) {
        return caller.isAdmin() || caller.isCompliance() || caller.is(referral.getOwnerId())
                || manages(caller, referral.getQueueId());
    }

    public static boolean isReferrer(Caller caller, Referral referral) {
        return referral.getReferrer() != null && caller.is(referral.getReferrer().getId());
    }

    private String whoMayAct(Referral referral) {
        String queue = referral.getQueueId();
        if (referral.getOwnerId() != null) {
            return queue == null ? ProblemTexts.text("problem.access.who-may-act.owner", referral.getOwnerId())
                    : ProblemTexts.text("problem.access.who-may-act.owner-or-queue", referral.getOwnerId(), queue);
        }
        return queue == null ? ProblemTexts.text("problem.access.who-may-act.manager-queue")
                : ProblemTexts.text("problem.access.who-may-act.queue", queue);
    }

    public boolean canSee(Caller caller, Referral referral) {
        return caller.isAdmin() || caller.isCompliance()
                || caller.is(referral.getOwnerId()) || caller.is(referral.getCreatedBy())
                || (referral.getReferrer() != null && caller.is(referral.getReferrer().getId()))
                || caller.inGroup(referral.getQueueId())
                || manages(caller, referral.getQueueId());
    }

    public boolean manages(Caller caller, String queueId) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.inGroup(queueId == null ? routing.fallbackManagerQueue()
                : queues.findById(queueId).map(this::managerGroupOf).orElse(routing.fallbackManagerQueue()));
    }

    /**
     * The queues whose referrals the caller sees in lists and reports without being named on them: everything for
     * administrators and compliance; for anyone else the queues they manage, by the same rule as {@link #manages} —
     * a queue's manager group, or the fallback manager queue for a queue without settings (any other Camunda group)
     * and for referrals without a queue. Whoever manages every queue so has everything.
     */
    public QueueScope managedQueues(Caller caller) {
        if (seesEverything(caller)) {
            return QueueScope.EVERYTHING;
        }
        List<RoutingQueue> configured = queues.findAll();
        Set<String> managed = configured.stream().filter(q -> caller.inGroup(managerGroupOf(q)))
                .map(RoutingQueue::getGroupId).collect(Collectors.toCollection(HashSet::new));
        if (!caller.inGroup(routing.fallbackManagerQueue())) {
            return QueueScope.of(managed);
        }
        if (managed.size() == configured.size()) {
            return QueueScope.EVERYTHING;
        }
        Set<String> settled = configured.stream().map(RoutingQueue::getGroupId).collect(Collectors.toSet());
        identityService.createGroupQuery().list().stream().map(Group::getId).filter(g -> !settled.contains(g))
                .forEach(managed::add);
        return QueueScope.of(managed);
    }

    /**
     * A user's data (their open referrals, their recipient settings) is for them, administrators, compliance and the
     * managers of a queue they belong to: 403 otherwise. The scope the caller sees it in: everything, or (a manager's
     * view of a member) the queues they manage.
     */
    public QueueScope requireUserVisible(String userId) {
        Caller caller = callers.current();
        if (caller.is(userId) || seesEverything(caller)) {
            return QueueScope.EVERYTHING;
        }
        QueueScope managed = managedQueues(caller);
        boolean managesTheirQueue = managed.everything() || identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).anyMatch(managed::contains);
        if (!managesTheirQueue) {
            throw ForbiddenException.of("problem.access.not-their-manager", userId, caller.userId());
        }
        return managed;
    }

    private String managerGroupOf(RoutingQueue queue) {
        return queue.getManagerGroupId() != null ? queue.getManagerGroupId() : routing.fallbackManagerQueue();
    }

    /** A queue's referrals are for its members, its managers, administrators and compliance: 403 otherwise. */
    public void requireQueueVisible(String queueId) {
        Caller caller = callers.current();
        if (!seesEverything(caller) && !caller.inGroup(queueId) && !manages(caller, queueId)) {
            throw ForbiddenException.of("problem.access.queue-not-visible", caller.userId(), queueId);
        }
    }

    /** One page of the referrals in these statuses that the caller may see (lists and exports). */
    public Page<Referral> page(Caller caller, Collection<ReferralStatus> statuses, Pageable pageable) {
        return seesEverything(caller)
                ? referrals.findByStatusIn(statuses, pageable)
                : referrals.findVisible(statuses, visibleQueues(caller), caller.userId(), pageable);
    }

    /** One page of the referrals the caller may see that match the list's statuses and search (GET /api/referrals). */
    public Page<Referral> page(Caller caller, ReferralListQuery query) {
        if (!query.searching()) {
            return page(caller, query.statuses(), query.page());
        }
        return seesEverything(caller)
                ? referrals.search(query.statuses(), query.reference(), query.namePattern(), query.page())
                : referrals.searchVisible(query.statuses(), query.reference(), query.namePattern(),
                        visibleQueues(caller), caller.userId(), query.page());
    }

    /** Queues whose referrals the caller sees without being named on them: their own and those they manage. */
    private Set<String> visibleQueues(Caller caller) {
        Set<String> visible = new HashSet<>(caller.groups());
        for (RoutingQueue queue : queues.findAll()) {
            if (caller.inGroup(queue.getManagerGroupId())) {
                visible.add(queue.getGroupId());
            }
        }
        return visible;
    }

    private boolean seesEverything(Caller caller) {
        return caller.isAdmin() || caller.isCompliance();
    }
}
