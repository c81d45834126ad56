package org.relay.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Service task "Route to recipient": turns the routing table's answer (a queue, maybe a named user) into a
 * recipient, skipping everyone who rejected the referral; when nobody is left it goes to the referrer's manager
 * queue. The reason is written on the referral.
 */
@Component("routeReferral")
class RouteReferral implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final RecipientPicker picker;
    private final ManagerQueues managerQueues;

    RouteReferral(ReferralRepository referrals, ReferralTimeline timeline, RecipientPicker picker,
                  ManagerQueues managerQueues) {
        this.referrals = referrals;
        this.timeline = timeline;
        this.picker = picker;
        this.managerQueues = managerQueues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        RoutingRule rule = RoutingRule.from(execution.getVariable(LifecycleVariables.ROUTING_RULE));
        Set<String> rejecters = timeline.rejecters(referral.getId());

        String user;
        String queue = rule.queue();
        String reason;
        if (rule.assignee() != null && !rejecters.contains(rule.assignee())) {
            user = rule.assignee();
            reason = "Routing rule \"" + rule.name() + "\" names " + user;
        } else {
            Optional<String> picked = picker.pick(queue, rejecters);
            if (picked.isPresent()) {
                user = picked.get();
                reason = "Routing rule \"" + rule.name() + "\" → queue " + queue + "; " + user
                        + " had the fewest open referrals" + (rejecters.isEmpty() ? "" : " (excluding " + String.join(", ", rejecters.stream().sorted().toList()) + ", who rejected it)");
            } else {
                user = null;
                String original = queue;
                queue = managerQueues.ofReferrer(referral);
                reason = "Nobody left in queue " + original + " who has not rejected it → referrer's manager queue " + queue;
            }
        }
        Instant now = timeline.record(referral, ReferralEventType.ROUTED, user, rule.name(), reason);
        referral.routedTo(user, queue, reason, now);
        execution.setVariables(Map.of(
                LifecycleVariables.RECIPIENT_QUEUE, queue,
                LifecycleVariables.ROUTING_REASON, reason));
        execution.setVariable(LifecycleVariables.RECIPIENT_USER, user);
    }
}
