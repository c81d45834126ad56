package org.relay.synthetic;

import org.relay.referral.ReferrerType;

import java.math.BigDecimal;
import java.time.Instant;

/** One generated, already decided referral (accepted and first worked at those times, or never), and the conversion probability the generator drew its outcome from. */
public record SyntheticReferral(String kind, String recordType, String product, String source, String customerType,
                                String customerName, String phone, String email, String city, String region,
                                String existingCustomerId, BigDecimal interestAmount, ReferrerType referrerType,
                                String referrerId, String referrerName, Integer referrerScoreAtIntake, String queue,
                                String owner, Instant createdAt, Instant acceptedAt, Instant firstActivityAt,
                                Instant decidedAt, boolean converted, double trueProbability) {
}
