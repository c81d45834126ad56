package org.relay.customerstatus;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.activity.Activity;
import org.relay.activity.ActivityLog;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.notification.CustomerMails;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Service task "Pass the message to the owner" (asynchronous, in the Msg_CustomerMessage event subprocess): mails
 * the customer's recent messages that the owner (or the queue) has not had yet. The message text comes from Relay's
 * activity, not from the engine; a retried job or two messages close together mail each message once.
 */
@Component("tellOwnerOfCustomerMessage")
class TellOwnerOfCustomerMessage implements JavaDelegate {

    /** Only messages this recent: a new owner after a reassignment is not sent the whole history by mail. */
    private static final Duration RECENT = Duration.ofDays(1);

    private final ReferralRepository referrals;
    private final ActivityLog activityLog;
    private final CustomerMails mails;
    private final Clock clock;

    TellOwnerOfCustomerMessage(ReferralRepository referrals, ActivityLog activityLog, CustomerMails mails, Clock clock) {
        this.referrals = referrals;
        this.activityLog = activityLog;
        this.mails = mails;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        Instant since = clock.instant().minus(RECENT);
        for (Activity message : activityLog.customerMessages(referral.getId())) {
            if (message.getRecordedAt().isAfter(since)) {
                mails.customerMessage(referral, message.getId(), message.getBody(), message.getRecordedAt());
            }
        }
    }
}
