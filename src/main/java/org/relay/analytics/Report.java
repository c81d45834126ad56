package org.relay.analytics;

import java.util.List;
import java.util.Map;

/**
 * A report as a table: named columns, one map per row (JSON) — the same table becomes the CSV export. {@code basis}
 * says where the numbers come from: the live referral table, or the monthly rollup and when it was rebuilt.
 */
public record Report(String name, Map<String, Object> filter, String basis, List<String> columns,
                     List<Map<String, Object>> rows) {

    static final String LIVE = "referral table (live)";

    static String rollup(java.time.Instant asOf) {
        return "monthly rollup as of " + asOf;
    }
}
