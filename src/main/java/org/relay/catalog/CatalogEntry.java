package org.relay.catalog;

/** One value of a configurable picklist: a stable code stored on records, and the label people read. */
public record CatalogEntry(String code, String label) {
}
