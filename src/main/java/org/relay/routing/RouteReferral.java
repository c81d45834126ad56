package org.relay.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.monitoring.BusinessMetrics;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * Service task "Route to recipient": turns the routing table's answer into a recipient (see {@link Router}) and
 * writes the decision and its reason on the referral.
 */
@Component("routeReferral")
class RouteReferral implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final Router router;
    private final Workloads workloads;
    private final ManagerInstanceGrants managerGrants;
    private final BusinessMetrics metrics;

    RouteReferral(ReferralRepository referrals, ReferralTimeline timeline, Router router, Workloads workloads,
                  ManagerInstanceGrants managerGrants, BusinessMetrics metrics) {
        this.metrics = metrics;
        metrics.knownRoutingBases(Arrays.stream(RoutingBasis.values()).map(Enum::name).toList());
        this.managerGrants = managerGrants;
        this.referrals = referrals;
        this.timeline = timeline;
        this.router = router;
        this.workloads = workloads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        RoutingRule rule = RoutingRule.from(execution.getVariable(LifecycleVariables.ROUTING_RULE));
        // only a referral routed before can have been rejected or granted to managers: a new one asks nobody
        boolean firstRouting = referral.getAssignedAt() == null;
        Set<String> rejecters = firstRouting ? Set.of() : timeline.rejecters(referral.getId());
        RoutingDecision decision = router.route(referral, rule, rejecters);

        Instant now = timeline.record(referral, ReferralEventType.ROUTED, decision.user(), decision.basis().name(),
                decision.reason());
        referral.routedTo(decision.user(), decision.queue(), decision.basis().name(), decision.reason(), now);
        if (firstRouting) {
            managerGrants.firstQueue(execution.getProcessInstanceId(), decision.queue());
        } else {
            managerGrants.queueChanged(execution.getProcessInstanceId(), decision.queue());
        }
        metrics.referralRouted(decision.basis().name());
        if (decision.user() != null) {
            workloads.assigned(decision.user());
        }
        execution.setVariable(LifecycleVariables.RECIPIENT_USER, decision.user());
        execution.setVariable(LifecycleVariables.RECIPIENT_QUEUE, decision.candidateGroup());
    }
}
