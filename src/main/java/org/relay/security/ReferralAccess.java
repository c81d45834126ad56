package org.relay.security;

import org.relay.common.ForbiddenException;
import org.relay.common.NotFoundException;
import org.relay.referral.Referral;
import org.relay.referral.ReferralLookup;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.relay.routing.RoutingProperties;
import org.relay.routing.RoutingQueue;
import org.relay.routing.RoutingQueueRepository;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which referrals a caller may see and manage, the same rules as Tasklist's: its owner, members of its queue, its
 * referrer and whoever created it see it; managers see the queues they manage (their lines of business);
 * administrators and compliance see all. A referral the caller may not see does not exist for them (404).
 */
@Component
public class ReferralAccess {

    private final Callers callers;
    private final ReferralLookup lookup;
    private final RoutingQueueRepository queues;
    private final RoutingProperties routing;
    private final ReferralRepository referrals;

    ReferralAccess(Callers callers, ReferralLookup lookup, RoutingQueueRepository queues, RoutingProperties routing,
                   ReferralRepository referrals) {
        this.referrals = referrals;
        this.callers = callers;
        this.lookup = lookup;
        this.queues = queues;
        this.routing = routing;
    }

    /** The referral if the caller may see it; 404 otherwise, as if it did not exist. */
    public Referral visible(String referenceNumber) {
        Referral referral = lookup.require(referenceNumber);
        if (!canSee(callers.current(), referral)) {
            throw new NotFoundException("No referral with reference number " + referenceNumber);
        }
        return referral;
    }

    /** The referral if the caller manages its queue; 404 if they cannot see it, 403 if they can but do not manage it. */
    public Referral managed(String referenceNumber) {
        Referral referral = visible(referenceNumber);
        Caller caller = callers.current();
        if (!manages(caller, referral.getQueueId())) {
            throw new ForbiddenException(caller.userId() + " does not manage queue " + referral.getQueueId()
                    + " of referral " + referenceNumber);
        }
        return referral;
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
        String managerGroup = queueId == null ? null
                : queues.findById(queueId).map(RoutingQueue::getManagerGroupId).orElse(null);
        return caller.inGroup(managerGroup != null ? managerGroup : routing.fallbackManagerQueue());
    }

    /** A queue's referrals are for its members, its managers, administrators and compliance: 403 otherwise. */
    public void requireQueueVisible(String queueId) {
        Caller caller = callers.current();
        if (!seesEverything(caller) && !caller.inGroup(queueId) && !manages(caller, queueId)) {
            throw new ForbiddenException(caller.userId() + " is neither in nor a manager of queue " + queueId);
        }
    }

    /** One page of the referrals in these statuses that the caller may see (lists and exports). */
    public Page<Referral> page(Caller caller, Collection<ReferralStatus> statuses, Pageable pageable) {
        return seesEverything(caller)
                ? referrals.findByStatusIn(statuses, pageable)
                : referrals.findVisible(statuses, visibleQueues(caller), caller.userId(), pageable);
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
