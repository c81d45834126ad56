package org.relay.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Histogram buckets for waiting times, in hours (upper bounds; the last is open): 5 min, 15 min, 30 min, 1 h, 2 h,
 * 4 h, 8 h, 16 h, 1 day, 2 days, 4 days, 1 week, longer. The rollups count referrals per bucket; a percentile is
 * then interpolated inside its bucket, so it is exact to within that bucket's width.
 */
final class HourBuckets {

    static final double[] UPPER = {5 / 60.0, 0.25, 0.5, 1, 2, 4, 8, 16, 24, 48, 96, 168, Double.POSITIVE_INFINITY};

    private HourBuckets() {
    }

    /** SQL giving the bucket number (0–12) of an {@code hours} expression, null when it is null. */
    static String bucketOf(String hours) {
        StringBuilder sql = new StringBuilder("case when ").append(hours).append(" is null then null");
        for (int i = 0; i < UPPER.length - 1; i++) {
            sql.append(" when ").append(hours).append(" <= ").append(UPPER[i]).append(" then ").append(i);
        }
        return sql.append(" else ").append(UPPER.length - 1).append(" end").toString();
    }

    /** SQL counting the rows in each bucket of a bucket-number column, as columns prefix0..prefix12. */
    static String countColumns(String bucketColumn, String prefix) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < UPPER.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("count(case when ").append(bucketColumn).append(" = ").append(i)
                    .append(" then 1 end) as ").append(prefix).append(i);
        }
        return sql.toString();
    }

    /** SQL summing the bucket columns of a rollup, as columns prefix0..prefix12. */
    static String sumColumns(String prefix) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < UPPER.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("coalesce(sum(").append(prefix).append(i).append("), 0) as \"")
                    .append(prefix).append(i).append('"');
        }
        return sql.toString();
    }

    /** Takes a summed histogram (columns prefix0..prefix12) out of a result row. */
    static long[] takeHistogram(java.util.Map<String, Object> row, String prefix) {
        long[] counts = new long[UPPER.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = ((Number) row.remove(prefix + i)).longValue();
        }
        return counts;
    }

    /** The q-quantile (0.5 = median) of a histogram, interpolated linearly inside its bucket; null when empty. */
    static BigDecimal quantile(long[] counts, double q) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && seen + counts[i] >= rank) {
                double lower = i == 0 ? 0 : UPPER[i - 1];
                double upper = Double.isInfinite(UPPER[i]) ? lower * 2 : UPPER[i];
                double value = lower + (upper - lower) * (rank - seen) / counts[i];
                return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
            }
            seen += counts[i];
        }
        return null;
    }
}
