package org.relay.sla;

import org.relay.i18n.StoredSentence;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.common.DirectoryNames;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.monitoring.BusinessMetrics;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.relay.routing.ManagerInstanceGrants;
import org.relay.routing.ManagerQueues;
import org.relay.routing.RoutingBasis;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * After the review escalation timer: nobody decided in time, so the referral moves to the manager queue above its
 * queue, naming who sat on it and for how long.
 */
@Component("escalateToManager")
class EscalateToManager implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final ManagerQueues managerQueues;
    private final Clock clock;
    private final ManagerInstanceGrants managerGrants;
    private final DirectoryNames names;
    private final BusinessMetrics metrics;

    EscalateToManager(ManagerInstanceGrants managerGrants, ReferralRepository referrals, ReferralTimeline timeline,
                      ManagerQueues managerQueues, Clock clock, DirectoryNames names,
                      BusinessMetrics metrics) {
        this.metrics = metrics;
        this.names = names;
        this.referrals = referrals;
        this.timeline = timeline;
        this.managerQueues = managerQueues;
        this.clock = clock;
        this.managerGrants = managerGrants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        Instant now = clock.instant();
        String heldBy = referral.getOwnerId() != null ? names.person(referral.getOwnerId()) : names.queue(referral.getQueueId());
        Instant since = referral.getAssignedAt() != null ? referral.getAssignedAt() : referral.getCreatedAt();
        String managerQueue = managerQueues.above(referral.getQueueId());
        String reason = StoredSentence.of("timeline.escalated", heldBy, Durations.readable(since, now),
                names.queue(managerQueue));
        timeline.record(referral, ReferralEventType.ESCALATED, referral.getOwnerId(), "review-sla", reason);
        if (referral.getOverdueAt() == null) {
            metrics.slaBreached(BusinessMetrics.SLA_REVIEW_DEADLINE);   // a referral's first breach, as the report counts
        }
        referral.overdue(now);   // the review deadline was missed: a breach, whoever gets it next
        referral.routedTo(null, managerQueue, RoutingBasis.ESCALATED.name(), reason, now);
        managerGrants.queueChanged(execution.getProcessInstanceId(), managerQueue);
        metrics.escalated(BusinessMetrics.ESCALATION_REVIEW);
        execution.setVariable(LifecycleVariables.RECIPIENT_USER, null);
        execution.setVariable(LifecycleVariables.RECIPIENT_QUEUE, managerQueue);
    }
}
