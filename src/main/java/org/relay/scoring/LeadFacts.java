package org.relay.scoring;

import org.relay.referral.Referral;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What is known about a referral when it is scored: the inputs of the prior table, of the trained model and of the
 * baselines it is compared with. {@code converted} and {@code decidedAt} are set for closed referrals (training data).
 */
public record LeadFacts(String kind, String recordType, String product, String source, boolean existingCustomer,
                        String customerType, boolean hasPhone, boolean hasEmail, BigDecimal interestAmount,
                        Integer referrerScore, String team, Boolean converted, Instant decidedAt) {

    /** JPQL constructor for training rows read straight from the referral table. */
    public LeadFacts(Object kind, String recordType, String product, String source, String existingCustomerId,
                     Object customerType, String phone, String email, BigDecimal interestAmount, Integer referrerScore,
                     String team, Object status, Instant convertedAt, Instant closedAt) {
        this(String.valueOf(kind), recordType, product, source, existingCustomerId != null, String.valueOf(customerType),
                phone != null, email != null, interestAmount, referrerScore, team,
                status == null ? null : "CONVERTED".equals(String.valueOf(status)),
                convertedAt != null ? convertedAt : closedAt);
    }

    public static LeadFacts of(Referral referral, Integer referrerScore) {
        return new LeadFacts(referral.getKind().name(), referral.getRecordType(), referral.getExpressedInterest(),
                referral.getSourceChannel(), referral.getCustomer().isExistingCustomer(),
                referral.getCustomer().getType().name(), referral.getCustomer().getPhone() != null,
                referral.getCustomer().getEmail() != null, referral.getInterestAmount(), referrerScore,
                referral.getQueueId(), null, null);
    }

    /** The referrer's record in words: converts often (score ≥ 55), average, rarely (≤ 30), or no referrer. */
    public String referrerTrackRecord() {
        if (referrerScore == null) {
            return "none";
        }
        return referrerScore >= 55 ? "often" : referrerScore <= 30 ? "rarely" : "average";
    }

    public String valueBand() {
        if (interestAmount == null || interestAmount.signum() <= 0) {
            return "none";
        }
        double v = interestAmount.doubleValue();
        return v >= 250_000 ? "250k+" : v >= 50_000 ? "50k-250k" : v >= 10_000 ? "10k-50k" : "under-10k";
    }
}
