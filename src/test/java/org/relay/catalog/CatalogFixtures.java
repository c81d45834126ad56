package org.relay.catalog;

import java.util.List;

/** A small catalog with the labels the scoring tests read, for tests without a Spring context. */
public final class CatalogFixtures {

    private CatalogFixtures() {
    }

    public static Catalog catalog() {
        return new Catalog(
                List.of(new CatalogEntry("PERSON_REFERRAL", "Person Referral"), new CatalogEntry("GENERAL", "General")),
                List.of(new CatalogEntry("MORTGAGE", "Mortgage"), new CatalogEntry("CREDIT_CARD", "Credit card")),
                List.of(new CatalogEntry("PURCHASED_LIST", "Purchased list"), new CatalogEntry("WALK_IN", "Walk-in")),
                List.of(), List.of(), List.of("USD"), List.of());
    }
}
