package org.relay.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A report as a table: named columns, one map per row (JSON) — the same table becomes the CSV export. {@code basis}
 * says where the numbers come from: the live referral table, or the monthly rollup and when it was rebuilt. A report
 * may add {@code breakdowns} (further tables by name, such as the speed report's first contact per source channel)
 * and {@code notes} (what its figures mean); the JSON leaves them out when a report has none.
 */
public record Report(String name, Map<String, Object> filter, String basis, List<String> columns,
                     List<Map<String, Object>> rows,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<Map<String, Object>>> breakdowns,
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> notes) {

    static final String LIVE = "referral table (live)";

    public Report(String name, Map<String, Object> filter, String basis, List<String> columns,
                  List<Map<String, Object>> rows) {
        this(name, filter, basis, columns, rows, Map.of(), Map.of());
    }

    static String rollup(java.time.Instant asOf) {
        return "monthly rollup as of " + asOf;
    }
}
