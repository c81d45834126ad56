package org.relay.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.relay.common.LifecycleInputException;
import org.relay.common.ProblemTexts;
import org.relay.lifecycle.LifecycleVariables;
import org.springframework.stereotype.Component;

/**
 * Start listener of the lifecycle: only Relay's intake starts it, for a referral it has just recorded. A start for a
 * referral that does not exist, under another reference number, or for one that already has a lifecycle is refused
 * (and rolled back), whoever holds engine rights — one referral, one lifecycle. A reopen starts after this event.
 */
@Component("guardLifecycleStart")
class GuardLifecycleStart implements ExecutionListener {

    private final ReferralRepository referrals;

    GuardLifecycleStart(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object id = execution.getVariable(LifecycleVariables.REFERRAL_ID);
        Referral referral = id instanceof Number number ? referrals.findById(number.longValue()).orElse(null) : null;
        if (referral == null || !referral.getReferenceNumber().equals(execution.getProcessBusinessKey())
                || referral.getProcessInstanceId() != null) {
            throw new LifecycleInputException("referralId: "
                    + ProblemTexts.text("problem.referral.lifecycle-started-by-relay"));
        }
    }
}
