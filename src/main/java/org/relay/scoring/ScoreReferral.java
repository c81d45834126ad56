package org.relay.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;

/** Service task "Score referral": stores the lead score; it becomes the review task's priority. */
@Component("scoreReferral")
class ScoreReferral implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;

    ScoreReferral(ReferralRepository referrals, ReferralTimeline timeline) {
        this.referrals = referrals;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        InterimLeadScore.Result result = InterimLeadScore.of(referral);
        referral.scored(result.score(), String.join(", ", result.factors()));
        timeline.record(referral, ReferralEventType.SCORED, null, "interim-prior",
                result.score() + ": " + String.join(", ", result.factors()));
        execution.setVariable(LifecycleVariables.LEAD_SCORE, result.score());
        execution.setVariable(LifecycleVariables.PRIORITY_BAND, PriorityBand.of(result.score()).name());
        execution.setVariable("leadScoreText", result.score() + " / 100 (" + String.join(", ", result.factors()) + ")");
    }
}
