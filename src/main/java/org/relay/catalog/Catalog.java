package org.relay.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * The configurable picklists (relay.catalog.* in application.yaml). A bank adds a record type or product here,
 * without a code change.
 */
@ConfigurationProperties("relay.catalog")
public record Catalog(List<CatalogEntry> recordTypes,
                      List<CatalogEntry> products,
                      List<CatalogEntry> sourceChannels,
                      List<CatalogEntry> rejectReasons,
                      List<CatalogEntry> closeReasons,
                      List<String> currencies,
                      List<CatalogEntry> lawfulBases) {

    public Catalog {
        recordTypes = List.copyOf(recordTypes == null ? List.of() : recordTypes);
        products = List.copyOf(products == null ? List.of() : products);
        sourceChannels = List.copyOf(sourceChannels == null ? List.of() : sourceChannels);
        rejectReasons = List.copyOf(rejectReasons == null ? List.of() : rejectReasons);
        closeReasons = List.copyOf(closeReasons == null ? List.of() : closeReasons);
        currencies = List.copyOf(currencies == null ? List.of() : currencies);
        lawfulBases = List.copyOf(lawfulBases == null || lawfulBases.isEmpty()
                ? List.of(new CatalogEntry("LEGITIMATE_INTEREST", "Legitimate interest")) : lawfulBases);
    }

    /** The lawful basis a referral gets when its maker names none: the first configured. */
    public String defaultLawfulBasis() {
        return lawfulBases.get(0).code();
    }

    public static boolean contains(List<CatalogEntry> list, String code) {
        return code != null && list.stream().anyMatch(e -> e.code().equals(code));
    }

    public static Optional<String> labelOf(List<CatalogEntry> list, String code) {
        return list.stream().filter(e -> e.code().equals(code)).map(CatalogEntry::label).findFirst();
    }

    public String productLabel(String code) {
        return labelOf(products, code).orElse(code);
    }

    public String recordTypeLabel(String code) {
        return labelOf(recordTypes, code).orElse(code);
    }
}
