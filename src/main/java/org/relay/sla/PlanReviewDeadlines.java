package org.relay.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Service task "Plan review deadlines", before each review: the reminder and escalation timers and the task's due
 * date read {@code reviewRemindAt} / {@code reviewEscalateAt}. The SLA terms were decided once, at creation, so a
 * later change of the SLA table does not move running referrals.
 */
@Component("planReviewDeadlines")
class PlanReviewDeadlines implements JavaDelegate {

    private final ReferralRepository referrals;
    private final SlaPlanner planner;

    PlanReviewDeadlines(ReferralRepository referrals, SlaPlanner planner) {
        this.referrals = referrals;
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        SlaPlanner.ReviewDeadlines deadlines = planner.review(referral,
                SlaTerms.from(execution.getVariable(LifecycleVariables.SLA)));
        referral.reviewDue(deadlines.escalateAt());
        execution.setVariable(LifecycleVariables.REVIEW_REMIND_AT, Date.from(deadlines.remindAt()));
        execution.setVariable(LifecycleVariables.REVIEW_ESCALATE_AT, Date.from(deadlines.escalateAt()));
    }
}
