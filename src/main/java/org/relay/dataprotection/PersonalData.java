package org.relay.dataprotection;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The identifiers of one person as Relay stored them (names, email addresses, phone numbers, the bank's customer
 * number), used to find every trace of them — including free text such as notes, mail subjects and import rows.
 */
record PersonalData(Set<String> names, Set<String> emails, Set<String> phones, Set<String> customerIds) {

    static PersonalData empty() {
        return new PersonalData(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    void add(String name, String email, String phone, String customerId) {
        addIfPresent(names, name);
        addIfPresent(emails, email);
        addIfPresent(phones, phone);
        addIfPresent(customerIds, customerId);
    }

    /** LIKE patterns for free text: each identifier as written, and lower-cased. */
    List<String> patterns() {
        Set<String> patterns = new LinkedHashSet<>();
        for (Collection<String> values : List.of(names, emails, phones, customerIds)) {
            for (String value : values) {
                patterns.add("%" + escape(value.toLowerCase(Locale.ROOT)) + "%");
            }
        }
        return List.copyOf(patterns);
    }

    boolean isEmpty() {
        return names.isEmpty() && emails.isEmpty() && phones.isEmpty() && customerIds.isEmpty();
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && value.trim().length() >= 3) {
            set.add(value.trim());
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
