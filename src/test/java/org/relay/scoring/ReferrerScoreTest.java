package org.relay.scoring;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed: score = 100 × (weighted converted + 2) / (weighted decided + 5), weight = 0.5^(age / half-life). */
class ReferrerScoreTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration HALF_LIFE = Duration.ofDays(180);

    @Test
    void a_new_referrer_starts_at_the_prior() {
        assertThat(ReferrerScore.score(0, 0)).isEqualTo(40);
        assertThat(ReferrerScore.NO_RECORD).isEqualTo(40);
        assertThat(ReferrerScore.of(List.of(), NOW, HALF_LIFE).score()).isEqualTo(40);
    }

    @Test
    void one_of_one_does_not_beat_forty_of_fifty() {
        // (1 + 2) / (1 + 5) = 0.5; (40 + 2) / (50 + 5) = 0.7636
        assertThat(ReferrerScore.of(outcomes(1, 1, 0), NOW, HALF_LIFE).score()).isEqualTo(50);
        assertThat(ReferrerScore.of(outcomes(40, 50, 0), NOW, HALF_LIFE).score()).isEqualTo(76);
    }

    @Test
    void a_referral_decided_one_half_life_ago_counts_half() {
        assertThat(ReferrerScore.weight(NOW, NOW, HALF_LIFE)).isEqualTo(1.0);
        assertThat(ReferrerScore.weight(NOW.minus(HALF_LIFE), NOW, HALF_LIFE)).isCloseTo(0.5, within(1e-12));
        assertThat(ReferrerScore.weight(NOW.minus(Duration.ofDays(360)), NOW, HALF_LIFE)).isCloseTo(0.25, within(1e-12));
        // a date in the future (clock skew between nodes) counts fully, not more
        assertThat(ReferrerScore.weight(NOW.plusSeconds(60), NOW, HALF_LIFE)).isEqualTo(1.0);
    }

    @Test
    void old_successes_count_less_than_recent_ones() {
        // 10 of 10, all a year ago: weights 0.25 → (2.5 + 2) / (2.5 + 5) = 0.6
        ReferrerScore.Weighted old = ReferrerScore.of(outcomes(10, 10, 360), NOW, HALF_LIFE);
        assertThat(old.converted()).isCloseTo(2.5, within(1e-9));
        assertThat(old.decided()).isCloseTo(2.5, within(1e-9));
        assertThat(old.score()).isEqualTo(60);
        // 10 of 10 this week: (10 + 2) / (10 + 5) = 0.8
        assertThat(ReferrerScore.of(outcomes(10, 10, 0), NOW, HALF_LIFE).score()).isEqualTo(80);
    }

    @Test
    void recent_losses_outweigh_old_wins() {
        // 6 wins 180 days ago (weight 0.5 → 3) and 4 losses today (4): (3 + 2) / (7 + 5) = 0.4167
        List<ReferrerScore.Outcome> record = new ArrayList<>(outcomes(6, 6, 180));
        record.addAll(outcomes(0, 4, 0));
        assertThat(ReferrerScore.of(record, NOW, HALF_LIFE).score()).isEqualTo(42);
    }

    @Test
    void each_conversion_raises_and_each_loss_lowers_it() {
        assertThat(ReferrerScore.score(3, 4)).isGreaterThan(ReferrerScore.score(2, 3));
        assertThat(ReferrerScore.score(2, 4)).isLessThan(ReferrerScore.score(2, 3));
    }

    @Test
    void impossible_records_are_refused() {
        assertThatThrownBy(() -> ReferrerScore.score(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<ReferrerScore.Outcome> outcomes(int converted, int decided, int daysAgo) {
        List<ReferrerScore.Outcome> list = new ArrayList<>();
        for (int i = 0; i < decided; i++) {
            list.add(new ReferrerScore.Outcome(i < converted, NOW.minus(Duration.ofDays(daysAgo))));
        }
        return list;
    }
}
