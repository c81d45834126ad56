package org.relay.sla;

import org.relay.i18n.StoredSentence;
import org.relay.common.DirectoryNames;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.monitoring.BusinessMetrics;
import org.relay.notification.Notifications;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.relay.routing.ManagerQueues;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * After the no-activity timer on "Work referral": the owner keeps the referral, and the manager queue is told it
 * sits idle (async service task, so a mail outage retries instead of failing the work task).
 */
@Component("escalateIdleReferral")
class EscalateIdleReferral implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final ManagerQueues managerQueues;
    private final Notifications notifications;
    private final Clock clock;
    private final BusinessMetrics metrics;
    private final DirectoryNames names;

    EscalateIdleReferral(ReferralRepository referrals, ReferralTimeline timeline, ManagerQueues managerQueues,
                         Notifications notifications, Clock clock, BusinessMetrics metrics, DirectoryNames names) {
        this.names = names;
        this.metrics = metrics;
        this.referrals = referrals;
        this.timeline = timeline;
        this.managerQueues = managerQueues;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        Instant since = referral.getAcceptedAt() != null ? referral.getAcceptedAt() : referral.getCreatedAt();
        String managerQueue = managerQueues.above(referral.getQueueId());
        String detail = StoredSentence.of("timeline.idle", names.person(referral.getOwnerId()),
                Durations.readable(since, clock.instant()), names.queue(managerQueue));
        timeline.record(referral, ReferralEventType.IDLE_ESCALATED, referral.getOwnerId(), "no-activity-sla", detail);
        if (referral.getOverdueAt() == null) {
            metrics.slaBreached(BusinessMetrics.SLA_NO_ACTIVITY);   // a referral's first breach, as the report counts
        }
        referral.overdue(clock.instant());   // the no-activity deadline was missed: a breach
        notifications.idleEscalation(referral, "idle:" + execution.getId(), managerQueue, detail);
        metrics.escalated(BusinessMetrics.ESCALATION_IDLE);
    }
}
