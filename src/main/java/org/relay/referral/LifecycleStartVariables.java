package org.relay.referral;

import org.relay.lifecycle.LifecycleVariables;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * What a lifecycle starts with: the referral's ids, nothing else. The decision tables' inputs are read from the
 * referral when a table runs ({@link DecisionInputs}); the decisions' results are what the engine keeps. No name,
 * contact details, notes or display texts: Relay's record is the only copy, and Tasklist's forms read it through
 * Relay's API under Relay's access rules.
 */
@Component
public class LifecycleStartVariables {

    public Map<String, Object> of(Referral referral) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(LifecycleVariables.REFERRAL_ID, referral.getId());
        vars.put(LifecycleVariables.REFERENCE_NUMBER, referral.getReferenceNumber());
        return vars;
    }
}
