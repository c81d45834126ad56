package org.relay.referral;

import java.util.Locale;

/** Normalised email and phone (E.164), so the same customer typed differently still matches. */
public final class ContactPoints {

    private ContactPoints() {
    }

    public static String email(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * "+1 (555) 010-1234", "001 555 010 1234" and, with default country 1, "555-010-1234" are all "+15550101234".
     *
     * @param defaultCountryCode calling code assumed for a national number (relay.intake.default-country-code)
     */
    public static String phone(String phone, String defaultCountryCode) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String trimmed = phone.trim();
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (trimmed.startsWith("+")) {
            return "+" + digits;
        }
        if (digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        if (digits.startsWith(defaultCountryCode) && digits.length() > 10) {
            return "+" + digits;
        }
        return "+" + defaultCountryCode + digits.replaceFirst("^0", "");
    }

    /** Lower case, single spaces: "Rachel  ADAMS" is "rachel adams". */
    public static String name(String name) {
        return name == null || name.isBlank() ? null : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Upper case without spaces: "sw1a 1aa" is "SW1A1AA". */
    public static String postcode(String postcode) {
        return postcode == null || postcode.isBlank() ? null : postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
