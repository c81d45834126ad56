package org.relay.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Outcomes for the synthetic referrals drawn from a model no scorer here is built on: a small decision tree of
 * thresholds and interactions (the kind a bank's sales reality looks like) instead of a sum of log-odds. Neither the
 * logistic regression (additive in one-hot features) nor naive Bayes (independent fields) can express it exactly, so
 * judging them on it does not favour either by construction.
 */
final class ThresholdOutcomes {

    /** A product's typical interest value; far above it (3×) is a wish, not a plan. */
    private static final Map<String, Double> TYPICAL_VALUE = Map.of("MORTGAGE", 320_000.0, "CREDIT_CARD", 6_000.0,
            "PERSONAL_LOAN", 18_000.0, "INVESTMENTS", 90_000.0, "RETIREMENT_PLANNING", 150_000.0, "INSURANCE", 4_000.0,
            "HOME_EQUITY", 80_000.0, "BUSINESS_LENDING", 250_000.0, "ESTATE_PLANNING", 500_000.0);

    private ThresholdOutcomes() {
    }

    /** The same referrals with their outcome redrawn from {@link #probability}. */
    static List<LeadFacts> redraw(List<LeadFacts> rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return rows.stream().map(f -> new LeadFacts(f.kind(), f.recordType(), f.product(), f.source(),
                f.existingCustomer(), f.customerType(), f.hasPhone(), f.hasEmail(), f.interestAmount(),
                f.referrerScore(), f.team(), random.nextDouble() < probability(f), f.decidedAt())).toList();
    }

    static double probability(LeadFacts f) {
        boolean referral = "REFERRAL".equals(f.kind());
        boolean warmSource = "WALK_IN".equals(f.source()) || "CALL_IN".equals(f.source());
        double ratio = ratioToTypical(f);
        if ("PURCHASED_LIST".equals(f.source())) {
            // a bought list converts only where the bank already knows the customer
            return f.existingCustomer() ? 0.30 : 0.03;
        }
        if (ratio > 3) {
            return 0.06;                                   // a wish, whatever else is true
        }
        if (f.existingCustomer() && ("CREDIT_CARD".equals(f.product()) || "PERSONAL_LOAN".equals(f.product()))) {
            return f.hasPhone() ? 0.65 : 0.40;            // cross-sell to a customer: the easiest sale
        }
        if (warmSource) {
            return f.hasPhone() ? 0.55 : 0.15;            // someone who came in and can be called back
        }
        if (referral) {
            Integer score = f.referrerScore();
            if (score != null && score >= 55) {
                // a proven referrer's word counts, but only with a concrete need (a value given)
                return ratio > 0 ? 0.50 : 0.22;
            }
            return "MORTGAGE".equals(f.product()) && !f.hasPhone() ? 0.05 : 0.25;
        }
        if ("WEB_FORM".equals(f.source()) && f.hasPhone() && f.hasEmail() && ratio > 0 && ratio < 1.5) {
            return 0.35;                                   // a complete, realistic web enquiry
        }
        return 0.12;
    }

    /** Interest value over the product's typical one; 0 when none was given. */
    private static double ratioToTypical(LeadFacts f) {
        BigDecimal amount = f.interestAmount();
        Double typical = TYPICAL_VALUE.get(f.product());
        return amount == null || typical == null ? 0 : amount.doubleValue() / typical;
    }
}
