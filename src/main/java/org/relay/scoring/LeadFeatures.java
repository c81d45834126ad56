package org.relay.scoring;

import org.relay.catalog.Catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The categorical features every scorer sees — the same fields for the trained model, the naive-Bayes baseline and
 * the source-rate rule, so their comparison is fair — and the words a recipient reads for each of them.
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

    /** "existing customer", "no phone", "interest: Mortgage", … */
    public static String label(String group, String value, Catalog catalog) {
        return switch (group) {
            case "kind" -> "REFERRAL".equals(value) ? "referred by someone" : "self-sourced lead";
            case "recordType" -> "record type " + catalog.recordTypeLabel(value);
            case "product" -> "interest: " + catalog.productLabel(value);
            case "source" -> "source: " + Catalog.labelOf(catalog.sourceChannels(), value).orElse(value);
            case "customer" -> "existing".equals(value) ? "existing customer" : "new to the bank";
            case "customerType" -> "BUSINESS".equals(value) ? "business customer" : "personal customer";
            case "phone" -> "given".equals(value) ? "phone given" : "no phone";
            case "email" -> "given".equals(value) ? "email given" : "no email";
            case "value" -> "none".equals(value) ? "no interest value" : "interest value " + value;
            case "referrer" -> switch (value) {
                case "often" -> "referrer converts often";
                case "rarely" -> "referrer rarely converts";
                case "average" -> "referrer converts on average";
                default -> "no referrer";
            };
            default -> group + " " + value;
        };
    }
}
