package org.relay.scoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param minClosedReferrals closed referrals (converted or lost) needed before a model is trained at all
 * @param minPerOutcome      and at least this many of each outcome
 * @param holdoutShare       the most recently decided share of history kept out of training to judge the model
 * @param referrerHalfLife   a referral decided this long ago counts half in the referrer score
 */
@ConfigurationProperties("relay.scoring")
public record ScoringProperties(Integer minClosedReferrals, Integer minPerOutcome, Double holdoutShare,
                                Duration referrerHalfLife) {

    public ScoringProperties {
        minClosedReferrals = minClosedReferrals == null ? 200 : minClosedReferrals;
        minPerOutcome = minPerOutcome == null ? 40 : minPerOutcome;
        holdoutShare = holdoutShare == null ? 0.2 : holdoutShare;
        referrerHalfLife = referrerHalfLife == null ? Duration.ofDays(180) : referrerHalfLife;
    }
}
