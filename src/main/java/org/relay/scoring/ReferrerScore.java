package org.relay.scoring;

/**
 * A referrer's score (0–100): the share of their decided referrals that converted, smoothed towards a prior so that
 * a small record does not outrank a long one (1 of 1 scores 50, 40 of 50 scores 76). Interim: recency weighting
 * comes with the scoring work.
 */
public final class ReferrerScore {

    /** The prior: as if every referrer started with 2 conversions out of 5 decided referrals (40 %). */
    static final double PRIOR_CONVERTED = 2;
    static final double PRIOR_DECIDED = 5;

    private ReferrerScore() {
    }

    public static int of(long converted, long decided) {
        if (converted < 0 || decided < converted) {
            throw new IllegalArgumentException("converted must be between 0 and decided");
        }
        return (int) Math.round(100 * (converted + PRIOR_CONVERTED) / (decided + PRIOR_DECIDED));
    }
}
