package org.relay.lifecycle;

import org.relay.catalog.Catalog;
import org.relay.common.Money;
import org.relay.referral.Referral;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * What the Tasklist forms show about a referral. Camunda Forms read process variables only, so these display
 * copies are written at start and refreshed when the referral changes; the referral table stays the record.
 */
@Component
public class ReferralFormVariables {

    private final Catalog catalog;

    public ReferralFormVariables(Catalog catalog) {
        this.catalog = catalog;
    }

    public Map<String, Object> of(Referral referral) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(LifecycleVariables.REFERRAL_ID, referral.getId());
        vars.put("referenceNumber", referral.getReferenceNumber());
        vars.put("kind", referral.getKind().name());
        vars.put("recordType", referral.getRecordType());
        vars.put("recordTypeLabel", catalog.recordTypeLabel(referral.getRecordType()));
        vars.put("expressedInterest", referral.getExpressedInterest());
        vars.put("productLabel", catalog.productLabel(referral.getExpressedInterest()));
        vars.put("interestAmount", referral.getInterestAmount() == null ? null : referral.getInterestAmount().doubleValue());
        vars.put("interestValue", Money.format(referral.getInterestAmount(), referral.getInterestCurrency(), "-"));
        vars.put("sourceChannel", referral.getSourceChannel());
        vars.put("customerName", referral.getCustomer().getName());
        vars.put("customerPhone", orDash(referral.getCustomer().getPhone()));
        vars.put("customerEmail", orDash(referral.getCustomer().getEmail()));
        vars.put("customerCity", orDash(referral.getCustomer().getCity()));
        vars.put("customerRegion", orDash(referral.getCustomer().getRegion()));
        vars.put("existingCustomer", referral.getCustomer().isExistingCustomer());
        vars.put("referrerName", orDash(referral.getReferrer().getName()));
        vars.put("referralNotes", orDash(referral.getNotes()));
        return vars;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
