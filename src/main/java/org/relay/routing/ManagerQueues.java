package org.relay.routing;

import org.relay.queue.RoutingProperties;
import org.relay.queue.RoutingQueueRepository;
import org.relay.queue.RoutingQueue;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.relay.referral.Referral;
import org.relay.referral.ReferrerType;
import org.springframework.stereotype.Component;

/** Finds the manager queue a referral falls back or escalates to. */
@Component
public class ManagerQueues {

    private final RoutingQueueRepository queues;
    private final IdentityService identityService;
    private final RoutingProperties properties;

    ManagerQueues(RoutingQueueRepository queues, IdentityService identityService, RoutingProperties properties) {
        this.queues = queues;
        this.identityService = identityService;
        this.properties = properties;
    }

    /** The manager queue above a recipient queue. */
    public String above(String queueId) {
        if (queueId == null) {
            return properties.fallbackManagerQueue();
        }
        return queues.findById(queueId).map(RoutingQueue::getManagerGroupId)
                .orElse(properties.fallbackManagerQueue());
    }

    /** The referrer's manager queue: for a colleague, the manager queue of the first of their groups that is a queue. */
    public String ofReferrer(Referral referral) {
        if (referral.getReferrer().getType() == ReferrerType.INTERNAL_USER && referral.getReferrer().getId() != null) {
            for (Group group : identityService.createGroupQuery().groupMember(referral.getReferrer().getId())
                    .orderByGroupId().asc().list()) {
                var queue = queues.findById(group.getId());
                if (queue.isPresent()) {
                    return queue.get().getManagerGroupId();
                }
            }
        }
        return properties.fallbackManagerQueue();
    }
}
