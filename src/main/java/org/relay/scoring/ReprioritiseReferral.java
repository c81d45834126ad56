package org.relay.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/** At the warning time the SLA is mostly used up: the review task moves up the recipient's list. */
@Component("reprioritiseReferral")
class ReprioritiseReferral implements ExecutionListener {

    private final ReferralRepository referrals;
    private final ReferralScoring scoring;

    ReprioritiseReferral(ReferralRepository referrals, ReferralScoring scoring) {
        this.referrals = referrals;
        this.scoring = scoring;
    }

    @Override
    public void notify(DelegateExecution execution) {
        scoring.reprioritise(referrals.require(LifecycleVariables.referralId(execution)));
    }
}
