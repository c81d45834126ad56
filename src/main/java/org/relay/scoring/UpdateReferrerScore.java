package org.relay.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/**
 * Service task "Update referrer score" (asynchronous: it touches the referrer's other referrals). A conversion raises
 * the referrer's score, a loss lowers it; their open referrals are re-scored and their tasks re-prioritised.
 */
@Component("updateReferrerScore")
class UpdateReferrerScore implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferrerStandings standings;
    private final ReferralScoring scoring;

    UpdateReferrerScore(ReferralRepository referrals, ReferrerStandings standings, ReferralScoring scoring) {
        this.referrals = referrals;
        this.standings = standings;
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        standings.refresh(referral).ifPresent(standing -> {
            execution.setVariable("referrerScore", standing.getScore());
            for (Referral open : referrals.findOpenOfReferrer(standing.getReferrerId())) {
                scoring.rescore(open);
            }
        });
    }
}
