package org.relay.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Percentiles read off the rollups' hour histograms, against values worked out by hand. */
class HourBucketsTest {

    @Test
    void the_median_is_interpolated_inside_its_bucket() {
        long[] counts = new long[HourBuckets.UPPER.length];
        counts[4] = 10; // 1 h – 2 h
        counts[5] = 10; // 2 h – 4 h
        // rank 10 of 20 ends bucket 4: 1 + (2 − 1) × 10/10 = 2.00
        assertThat(HourBuckets.quantile(counts, 0.5)).isEqualByComparingTo("2.00");
        // rank 18: 8 into bucket 5: 2 + (4 − 2) × 8/10 = 3.60
        assertThat(HourBuckets.quantile(counts, 0.9)).isEqualByComparingTo("3.60");
    }

    @Test
    void the_open_last_bucket_doubles_its_lower_bound_and_empty_gives_nothing() {
        long[] counts = new long[HourBuckets.UPPER.length];
        counts[12] = 4; // longer than a week: 168 … 336 assumed
        assertThat(HourBuckets.quantile(counts, 0.5)).isEqualByComparingTo("252.00");
        assertThat(HourBuckets.quantile(new long[HourBuckets.UPPER.length], 0.5)).isNull();
    }
}
