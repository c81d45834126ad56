package org.relay.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

import java.util.Date;

/** Service task "Plan work deadline": when the no-activity timer on "Work referral" fires ({@code workIdleAt}). */
@Component("planWorkDeadline")
class PlanWorkDeadline implements JavaDelegate {

    private final ReferralRepository referrals;
    private final SlaPlanner planner;

    PlanWorkDeadline(ReferralRepository referrals, SlaPlanner planner) {
        this.referrals = referrals;
        this.planner = planner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(LifecycleVariables.WORK_IDLE_AT, Date.from(planner.workIdleAt(
                referrals.require(LifecycleVariables.referralId(execution)),
                SlaTerms.from(execution.getVariable(LifecycleVariables.SLA)))));
    }
}
