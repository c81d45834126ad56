package org.relay.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** An interest value as people read it: "USD 450,000". */
public final class Money {

    private Money() {
    }

    /** @param whenMissing what to show when there is no amount */
    public static String format(BigDecimal amount, String currency, String whenMissing) {
        if (amount == null) {
            return whenMissing;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(2);
        return (currency == null ? "" : currency + " ") + format.format(amount);
    }
}
