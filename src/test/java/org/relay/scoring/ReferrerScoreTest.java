package org.relay.scoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-computed: (converted + 2) / (decided + 5). */
class ReferrerScoreTest {

    @Test
    void a_new_referrer_starts_at_the_prior() {
        assertThat(ReferrerScore.of(0, 0)).isEqualTo(40);
    }

    @Test
    void one_of_one_does_not_beat_forty_of_fifty() {
        assertThat(ReferrerScore.of(1, 1)).isEqualTo(50);
        assertThat(ReferrerScore.of(40, 50)).isEqualTo(76);
        assertThat(ReferrerScore.of(1, 1)).isLessThan(ReferrerScore.of(40, 50));
    }

    @Test
    void each_conversion_raises_and_each_loss_lowers_it() {
        assertThat(ReferrerScore.of(3, 4)).isGreaterThan(ReferrerScore.of(2, 3));
        assertThat(ReferrerScore.of(2, 4)).isLessThan(ReferrerScore.of(2, 3));
    }

    @Test
    void impossible_records_are_refused() {
        assertThatThrownBy(() -> ReferrerScore.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
