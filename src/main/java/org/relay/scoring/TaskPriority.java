package org.relay.scoring;

import java.math.BigDecimal;

/**
 * The Camunda task priority (0–100) that Tasklist sorts by:
 * {@code 50 % lead score + 20 % referrer score + 15 % value + 15 % urgency}, where
 * <ul>
 *   <li>value = 0 without an interest value, else {@code 100 × log10(1 + amount) / 6}, capped at 100 (1 000 000 → 100,
 *   1 000 → 50), so a large deal lifts a referral without drowning the scores;</li>
 *   <li>urgency = the share of the SLA already used (0 at creation, 100 at the escalation deadline or later);</li>
 *   <li>a referral without a referrer counts the prior referrer score ({@link ReferrerScore#NO_RECORD}).</li>
 * </ul>
 */
public final class TaskPriority {

    private TaskPriority() {
    }

    public static int of(int leadScore, Integer referrerScore, BigDecimal interestAmount, double slaUsed) {
        double referrer = referrerScore == null ? ReferrerScore.NO_RECORD : referrerScore;
        double urgency = 100 * Math.max(0, Math.min(1, slaUsed));
        double priority = 0.50 * leadScore + 0.20 * referrer + 0.15 * valuePoints(interestAmount) + 0.15 * urgency;
        return (int) Math.round(Math.max(0, Math.min(100, priority)));
    }

    static double valuePoints(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            return 0;
        }
        return Math.min(100, 100 * Math.log10(1 + amount.doubleValue()) / 6);
    }
}
