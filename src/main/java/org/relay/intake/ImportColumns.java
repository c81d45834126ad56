package org.relay.intake;

import org.relay.common.ProblemTexts;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a CSV's header names to referral fields, ignoring case, spaces and punctuation ("E-mail", "email address"
 * and "EMAIL" are all the email).
 */
final class ImportColumns {

    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String PRODUCT = "product";

    private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put(NAME, List.of("name", "fullname", "customer", "customername", "company", "companyname"));
        ALIASES.put(EMAIL, List.of("email", "emailaddress", "mail"));
        ALIASES.put(PHONE, List.of("phone", "telephone", "mobile", "phonenumber", "tel", "cell"));
        ALIASES.put("city", List.of("city", "town"));
        ALIASES.put("region", List.of("region", "state", "province", "county"));
        ALIASES.put(PRODUCT, List.of("product", "interest", "expressedinterest"));
        ALIASES.put("amount", List.of("amount", "value", "interestvalue"));
        ALIASES.put("currency", List.of("currency"));
        ALIASES.put("recordType", List.of("recordtype"));
        ALIASES.put("customerType", List.of("customertype", "type"));
        ALIASES.put("existingCustomerId", List.of("customerid", "existingcustomerid"));
        ALIASES.put("contactName", List.of("contact", "contactname", "contactperson"));
        ALIASES.put("notes", List.of("notes", "note", "comment", "comments"));
        ALIASES.put("campaign", List.of("campaign", "campaign code", "utm_campaign", "utm campaign"));
        ALIASES.put("advocateCode", List.of("advocate code", "advocate", "referrer code"));
    }

    private ImportColumns() {
    }

    /** Field name → header as written in the file, for every header Relay recognises. */
    static Map<String, String> map(List<String> headers) {
        Map<String, String> byNormalised = new HashMap<>();
        for (String header : headers) {
            byNormalised.putIfAbsent(normalise(header), header);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        // aliases are normalised like headers, so "utm_campaign" in the list finds a "UTM Campaign" header
        ALIASES.forEach((field, aliases) -> aliases.stream().map(ImportColumns::normalise).map(byNormalised::get)
                .filter(h -> h != null).findFirst().ifPresent(header -> mapping.put(field, header)));
        return mapping;
    }

    static Optional<String> missing(Map<String, String> mapping, boolean defaultProduct) {
        if (!mapping.containsKey(NAME)) {
            return Optional.of(ProblemTexts.text("problem.import.no-name-column", String.join(", ", ALIASES.get(NAME))));
        }
        if (!mapping.containsKey(EMAIL) && !mapping.containsKey(PHONE)) {
            return Optional.of(ProblemTexts.text("problem.import.no-contact-column"));
        }
        if (!mapping.containsKey(PRODUCT) && !defaultProduct) {
            return Optional.of(ProblemTexts.text("problem.import.no-product-column"));
        }
        return Optional.empty();
    }

    private static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
