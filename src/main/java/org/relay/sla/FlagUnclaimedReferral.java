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
 * Async service task after the warning timer when nobody has claimed the referral from its queue: it is marked
 * overdue and the queue's manager is told.
 */
@Component("flagUnclaimedReferral")
class FlagUnclaimedReferral implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final ManagerQueues managerQueues;
    private final Notifications notifications;
    private final Clock clock;
    private final BusinessMetrics metrics;
    private final DirectoryNames names;

    FlagUnclaimedReferral(ReferralRepository referrals, ReferralTimeline timeline, ManagerQueues managerQueues,
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
        Instant since = referral.getAssignedAt() != null ? referral.getAssignedAt() : referral.getCreatedAt();
        Instant now = clock.instant();
        String managerQueue = managerQueues.above(referral.getQueueId());
        String detail = StoredSentence.of("timeline.unclaimed", names.queue(referral.getQueueId()),
                Durations.readable(since, now), names.queue(managerQueue));
        boolean firstBreach = referral.getOverdueAt() == null;
        referral.overdue(now);
        timeline.record(referral, ReferralEventType.OVERDUE, null, "unclaimed", detail);
        notifications.unclaimedOverdue(referral, "unclaimed:" + execution.getId(), managerQueue, detail);
        if (firstBreach) {
            metrics.slaBreached(BusinessMetrics.SLA_REVIEW_UNCLAIMED);   // a referral's first breach, as the report counts
        }
    }
}
