package org.relay.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.relay.lifecycle.LifecycleVariables;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Start listener of the lifecycle's decision tasks (Decide SLA, Decide queue): hands the tables the referral's
 * facts they decide on, read from Relay's record as it is now, as transient variables — seen by the table in this
 * transaction, never stored in the engine or its history. A re-route after a rejection decides on the referral as
 * it stands then, not on copies made when it was created.
 */
@Component("decisionInputs")
public class DecisionInputs implements ExecutionListener {

    private final ReferralRepository referrals;

    DecisionInputs(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        of(referral).forEach((name, value) -> execution.setVariable(name, Variables.untypedValue(value, true)));
    }

    /** The facts the lifecycle's tables decide on, by their input names (referral-sla.dmn, referral-routing.dmn). */
    public static Map<String, Object> of(Referral referral) {
        Customer customer = referral.getCustomer();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("kind", referral.getKind().name());
        inputs.put("recordType", referral.getRecordType());
        inputs.put("expressedInterest", referral.getExpressedInterest());
        inputs.put("interestAmount", referral.getInterestAmount() == null ? null : referral.getInterestAmount().doubleValue());
        inputs.put("sourceChannel", referral.getSourceChannel());
        inputs.put("existingCustomer", customer.isExistingCustomer());
        inputs.put("customerCity", customer.getCity());
        inputs.put("customerRegion", customer.getRegion());
        inputs.put(LifecycleVariables.PRIORITY_BAND,
                referral.getLeadScore() == null ? null : PriorityBand.of(referral.getLeadScore()).name());
        return inputs;
    }
}
