package org.relay.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed: 0.5 lead + 0.2 referrer + 0.15 value + 0.15 urgency. */
class TaskPriorityTest {

    @Test
    void value_points_grow_with_the_order_of_magnitude() {
        assertThat(TaskPriority.valuePoints(null)).isZero();
        assertThat(TaskPriority.valuePoints(new BigDecimal("999"))).isCloseTo(50, within(0.01));       // log10(1000) = 3
        assertThat(TaskPriority.valuePoints(new BigDecimal("999999"))).isCloseTo(100, within(0.01));   // log10(1e6) = 6
        assertThat(TaskPriority.valuePoints(new BigDecimal("50000000"))).isEqualTo(100);
    }

    @Test
    void a_fresh_referral() {
        // 0.5·80 + 0.2·60 + 0.15·(100·log10(450001)/6 = 94.218) + 0 = 40 + 12 + 14.13 = 66.13
        assertThat(TaskPriority.of(80, 60, new BigDecimal("450000"), 0)).isEqualTo(66);
    }

    @Test
    void without_a_referrer_the_prior_referrer_score_counts() {
        // 0.5·50 + 0.2·40 + 0 + 0 = 33
        assertThat(TaskPriority.of(50, null, null, 0)).isEqualTo(33);
    }

    @Test
    void urgency_rises_with_the_sla_used_and_stops_at_the_deadline() {
        assertThat(TaskPriority.of(50, 40, null, 0.5)).isEqualTo(41);   // 33 + 0.15·50 = 40.5 → 41
        assertThat(TaskPriority.of(50, 40, null, 1.0)).isEqualTo(48);   // 33 + 15
        assertThat(TaskPriority.of(50, 40, null, 3.0)).isEqualTo(48);
    }

    @Test
    void a_higher_referrer_score_means_a_higher_priority() {
        assertThat(TaskPriority.of(60, 70, null, 0)).isGreaterThan(TaskPriority.of(60, 40, null, 0));
    }
}
