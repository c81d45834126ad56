package org.relay.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The categorical features every scorer sees — the same fields for the trained model, the naive-Bayes baseline and
 * the source-rate rule, so their comparison is fair — and the codes a referral keeps as its score's
 * factors ({@code group=value}, worded by ScoreFactorWords in the reader's language).
 */
public final class LeadFeatures {

    private LeadFeatures() {
    }

    /** Feature group → value, e.g. {@code customer → existing}. */
    public static Map<String, String> of(LeadFacts facts) {
        Map<String, String> features = new LinkedHashMap<>();
        features.put("kind", facts.kind());
        features.put("recordType", facts.recordType());
        features.put("product", facts.product());
        features.put("source", facts.source());
        features.put("customer", facts.existingCustomer() ? "existing" : "new");
        features.put("customerType", facts.customerType());
        features.put("phone", facts.hasPhone() ? "given" : "missing");
        features.put("email", facts.hasEmail() ? "given" : "missing");
        features.put("value", facts.valueBand());
        features.put("referrer", facts.referrerTrackRecord());
        return features;
    }
}
