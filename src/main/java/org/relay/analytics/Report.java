package org.relay.analytics;

import java.util.List;
import java.util.Map;

/** A report as a table: named columns, one map per row (JSON) — the same table becomes the CSV export. */
public record Report(String name, Map<String, Object> filter, List<String> columns, List<Map<String, Object>> rows) {
}
