package org.relay.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * A referrer's score (0–100): their conversion rate, smoothed with a Beta prior so a short record does not outrank a
 * long one, and weighted towards recent months so the score follows how they refer now.
 *
 * <p>Each decided referral (converted or closed as lost) weighs {@code 0.5^(age / halfLife)}; then
 * {@code score = 100 × (weightedConverted + 2) / (weightedDecided + 5)}: as if every referrer started with 2 of 5
 * referrals converted (40 %). Without decay, 1 of 1 scores 50 and 40 of 50 scores 76.
 */
public final class ReferrerScore {

    static final double PRIOR_CONVERTED = 2;
    static final double PRIOR_DECIDED = 5;
    /** The score of someone without a record (the prior mean). */
    public static final int NO_RECORD = score(0, 0);

    /** One decided referral of the referrer. */
    public record Outcome(boolean converted, Instant decidedAt) {
    }

    /** The weighted sums behind a score. */
    public record Weighted(double converted, double decided, int score) {
    }

    private ReferrerScore() {
    }

    public static int score(double weightedConverted, double weightedDecided) {
        if (weightedConverted < 0 || weightedDecided < weightedConverted) {
            throw new IllegalArgumentException("converted must be between 0 and decided");
        }
        return (int) Math.round(100 * (weightedConverted + PRIOR_CONVERTED) / (weightedDecided + PRIOR_DECIDED));
    }

    /** How much a referral decided at {@code decidedAt} still counts at {@code now}: 1 today, ½ one half-life ago. */
    public static double weight(Instant decidedAt, Instant now, Duration halfLife) {
        double ageDays = Math.max(0, Duration.between(decidedAt, now).toSeconds()) / 86_400.0;
        return Math.pow(0.5, ageDays / (halfLife.toSeconds() / 86_400.0));
    }

    public static Weighted of(Collection<Outcome> outcomes, Instant now, Duration halfLife) {
        double converted = 0;
        double decided = 0;
        for (Outcome outcome : outcomes) {
            double w = weight(outcome.decidedAt(), now, halfLife);
            decided += w;
            if (outcome.converted()) {
                converted += w;
            }
        }
        return new Weighted(converted, decided, score(converted, decided));
    }
}
