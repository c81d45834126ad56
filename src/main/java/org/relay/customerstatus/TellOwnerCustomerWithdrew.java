package org.relay.customerstatus;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.notification.CustomerMails;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/** Service task "Tell the owner" (asynchronous, in the Msg_CustomerWithdrew event subprocess). */
@Component("tellOwnerCustomerWithdrew")
class TellOwnerCustomerWithdrew implements JavaDelegate {

    private final ReferralRepository referrals;
    private final CustomerMails mails;

    TellOwnerCustomerWithdrew(ReferralRepository referrals, CustomerMails mails) {
        this.referrals = referrals;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.customerWithdrew(referrals.require(LifecycleVariables.referralId(execution)));
    }
}
