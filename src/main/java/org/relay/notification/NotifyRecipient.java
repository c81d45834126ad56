package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/** Async service task "Notify recipient": mails the routed user, or the whole queue when nobody was picked. */
@Component("notifyRecipient")
class NotifyRecipient implements JavaDelegate {

    private final ReferralRepository referrals;
    private final Notifications notifications;

    NotifyRecipient(ReferralRepository referrals, Notifications notifications) {
        this.referrals = referrals;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.referralAssigned(referrals.require(LifecycleVariables.referralId(execution)));
    }
}
