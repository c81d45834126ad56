package org.relay.rewards;

import java.math.BigDecimal;

/** The customer's stated interest value in the bands the rewards table decides on (any currency, as stated). */
public enum ValueBand {
    NONE,
    SMALL,
    MEDIUM,
    LARGE,
    VERY_LARGE;

    static ValueBand of(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            return NONE;
        }
        if (amount.compareTo(BigDecimal.valueOf(10_000)) < 0) {
            return SMALL;
        }
        if (amount.compareTo(BigDecimal.valueOf(100_000)) < 0) {
            return MEDIUM;
        }
        return amount.compareTo(BigDecimal.valueOf(500_000)) < 0 ? LARGE : VERY_LARGE;
    }
}
