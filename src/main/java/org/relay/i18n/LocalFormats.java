package org.relay.i18n;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Amounts, dates and times as each language writes them, in the bank's time zone: the one formatter of pages and
 * mails. The patterns are texts of the bundles ({@code format.*}), so a new language brings its own; the digits
 * follow relay.i18n.format-locales (USD 450,000 · 450 000 USD · 450’000 USD for en, fr, de-CH).
 */
@Component
public class LocalFormats {

    private final MessageSource messages;
    private final Languages languages;

    LocalFormats(MessageSource messages, Languages languages) {
        this.messages = messages;
        this.languages = languages;
    }

    /** "USD 450,000" / "450 000 USD"; {@code whenMissing} when there is no amount. */
    public String money(BigDecimal amount, String currency, Locale language, String whenMissing) {
        if (amount == null) {
            return whenMissing;
        }
        NumberFormat digits = NumberFormat.getNumberInstance(languages.formatLocale(language));
        digits.setMaximumFractionDigits(2);
        String number = digits.format(amount);
        return currency == null ? number : messages.getMessage("format.money", new Object[] {currency, number}, language);
    }

    /** A moment with weekday, date, time and zone: "Tue 8 Dec 2026, 14:00 EST". */
    public String dateTime(Instant at, ZoneId zone, Locale language) {
        return at == null ? null : pattern("format.date-time", language).format(at.atZone(zone));
    }

    /** A recent moment, without year or zone: "Tue 8 Dec, 14:00". */
    public String shortDateTime(Instant at, ZoneId zone, Locale language) {
        return at == null ? null : pattern("format.date-time.short", language).format(at.atZone(zone));
    }

    /** A day: "8 December 2026". */
    public String date(Instant at, ZoneId zone, Locale language) {
        return at == null ? null : pattern("format.date", language).format(at.atZone(zone));
    }

    private DateTimeFormatter pattern(String key, Locale language) {
        return DateTimeFormatter.ofPattern(messages.getMessage(key, null, language), languages.formatLocale(language));
    }
}
