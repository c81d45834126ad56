package org.relay.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/** Service task "Score referral": lead score, grade and factors; with the referrer score they set the task priority. */
@Component("scoreReferral")
class ScoreReferral implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralScoring scoring;

    ScoreReferral(ReferralRepository referrals, ReferralScoring scoring) {
        this.referrals = referrals;
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(scoring.score(referrals.require(LifecycleVariables.referralId(execution))));
    }
}
