package org.relay.conversion;

import java.util.Locale;

/** Normalised email and phone, so the same customer typed differently still matches. */
final class ContactPoints {

    private ContactPoints() {
    }

    static String email(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Digits only, with a leading + kept: "+1 (555) 010-1" and "+15550101" are the same phone. */
    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : (phone.trim().startsWith("+") ? "+" : "") + digits;
    }
}
