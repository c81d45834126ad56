package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.relay.lifecycle.LifecycleTasks;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/** Async service task after the non-interrupting warning timer (claimed referrals): the review task stays. */
@Component("sendReviewReminder")
class SendReviewReminder implements JavaDelegate {

    private final ReferralRepository referrals;
    private final Notifications notifications;
    private final LifecycleTasks lifecycleTasks;

    SendReviewReminder(ReferralRepository referrals, Notifications notifications, LifecycleTasks lifecycleTasks) {
        this.referrals = referrals;
        this.notifications = notifications;
        this.lifecycleTasks = lifecycleTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task review = lifecycleTasks.review(execution.getProcessInstanceId()).orElse(null);
        if (review != null) {
            notifications.reviewReminder(referrals.require(LifecycleVariables.referralId(execution)), review);
        }
    }
}
