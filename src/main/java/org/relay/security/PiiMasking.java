package org.relay.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal contact data in free text (log lines, exception messages): email addresses keep their first
 * character and domain (k***@mail.example), phone numbers their last two digits (+** *** ****01). Names cannot be
 * recognised in free text, so Relay's own code does not log them (see docs/operations.md).
 */
public final class PiiMasking {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w./:-])\\+?\\(?\\d[\\d ().-]{6,}\\d(?![\\w/:-])");

    private PiiMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("$1***@$2");
        Matcher phone = PHONE.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (phone.find()) {
            phone.appendReplacement(out, Matcher.quoteReplacement(maskPhone(phone.group())));
        }
        phone.appendTail(out);
        return out.toString();
    }

    /** "Kiara Thompson" → "K. T." */
    public static String initials(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        StringBuilder initials = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            int first = part.codePointAt(0);
            if (Character.isLetter(first)) {
                initials.append(initials.isEmpty() ? "" : " ").appendCodePoint(Character.toUpperCase(first)).append('.');
            }
        }
        return initials.toString();
    }

    /** "kiara@mail.example" → "k***@mail.example" */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Every digit but the last two hidden: "+1 555 0101" → "+* *** **01". */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        long digits = phone.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(phone.length());
        long seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - 2 ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /** A run of 9+ digits starting with + or (, or of 10+ digits, is a phone number; shorter runs are ids and amounts. */
    private static String maskPhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        boolean international = candidate.startsWith("+") || candidate.startsWith("(");
        return digits < (international ? 9 : 10) ? candidate : phone(candidate);
    }
}
