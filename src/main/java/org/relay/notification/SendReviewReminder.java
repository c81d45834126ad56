package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/** Async service task after the non-interrupting reminder timer: the review task stays where it is. */
@Component("sendReviewReminder")
class SendReviewReminder implements JavaDelegate {

    private final ReferralRepository referrals;
    private final Notifications notifications;

    SendReviewReminder(ReferralRepository referrals, Notifications notifications) {
        this.referrals = referrals;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.reviewReminder(referrals.require(LifecycleVariables.referralId(execution)));
    }
}
