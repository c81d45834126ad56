package org.relay.rewards;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.relay.common.WithoutEngineUser;
import org.relay.queue.RoutingQueue;
import org.relay.queue.RoutingQueueRepository;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventRecorded;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferrerType;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The queue (branch) a colleague belonged to when they referred: staff move, and the credit stays where the referral
 * was made. Recorded when a colleague's referral is created (one group look-up, nothing for leads, advocates or
 * imports without a colleague), read when a reward is earned; referrals from before fall back to today's queue.
 */
@Component
class ReferrerUnits {

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final RoutingQueueRepository queues;

    ReferrerUnits(JdbcTemplate jdbc, IdentityService identityService, RoutingQueueRepository queues) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.queues = queues;
    }

    @EventListener
    void on(ReferralEventRecorded recorded) {
        Referral referral = recorded.referral();
        if (recorded.event().getType() != ReferralEventType.CREATED || referral.getReferrer() == null
                || referral.getReferrer().getType() != ReferrerType.INTERNAL_USER || referral.getReferrer().getId() == null) {
            return;
        }
        queueOf(referral.getReferrer().getId()).ifPresent(queue -> jdbc.update(
                "insert into reward_referrer_unit (referral_id, queue_id) values (?, ?)", referral.getId(), queue));
    }

    /** The colleague's queue when they made this referral, else the one they are in now. */
    Optional<String> at(Long referralId, String userId) {
        List<String> kept = jdbc.queryForList("select queue_id from reward_referrer_unit where referral_id = ?",
                String.class, referralId);
        return kept.isEmpty() ? queueOf(userId) : Optional.of(kept.get(0));
    }

    /** The first routing queue (by id) among the user's groups: a colleague sits in one branch's queue. */
    private Optional<String> queueOf(String userId) {
        List<String> groups = WithoutEngineUser.run(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId).list()).stream().map(Group::getId).toList();
        return queues.findAllById(groups).stream().map(RoutingQueue::getGroupId).sorted().findFirst();
    }
}
