package org.relay.referral;

import org.relay.lifecycle.LifecycleVariables;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * What a lifecycle starts with: the referral's ids and the inputs its decision tables read (referral-routing.dmn,
 * referral-sla.dmn). Nothing else of the referral is copied into the engine — no name, contact details, notes or
 * display texts: Relay's record is the only copy, and Tasklist's forms read it through Relay's API under Relay's
 * access rules. City and region stay because routing rules decide on them.
 */
@Component
public class LifecycleStartVariables {

    public Map<String, Object> of(Referral referral) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(LifecycleVariables.REFERRAL_ID, referral.getId());
        vars.put(LifecycleVariables.REFERENCE_NUMBER, referral.getReferenceNumber());
        vars.put("kind", referral.getKind().name());
        vars.put("recordType", referral.getRecordType());
        vars.put("expressedInterest", referral.getExpressedInterest());
        vars.put("interestAmount", referral.getInterestAmount() == null ? null : referral.getInterestAmount().doubleValue());
        vars.put("sourceChannel", referral.getSourceChannel());
        vars.put("existingCustomer", referral.getCustomer().isExistingCustomer());
        vars.put("customerCity", referral.getCustomer().getCity());
        vars.put("customerRegion", referral.getCustomer().getRegion());
        return vars;
    }
}
