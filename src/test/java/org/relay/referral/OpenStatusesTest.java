package org.relay.referral;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The repository's literal lists of open statuses say what ReferralStatus says, after any new status. */
class OpenStatusesTest {

    @Test
    void the_queries_literal_open_statuses_are_the_enums_open_statuses() {
        var literal = Arrays.stream(ReferralRepository.OPEN.replaceAll("[()\\s]", "").split(","))
                .map(name -> ReferralStatus.valueOf(name.substring("org.relay.referral.ReferralStatus.".length())))
                .collect(Collectors.toSet());
        var open = Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isOpen).collect(Collectors.toSet());

        Assertions.assertThat(literal).isEqualTo(open);
    }

    @Test
    void the_native_queries_open_statuses_are_the_enums_open_statuses() {
        var literal = Arrays.stream(ReferralRepository.OPEN_SQL.replaceAll("[()'\\s]", "").split(","))
                .map(ReferralStatus::valueOf)
                .collect(Collectors.toSet());
        var open = Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isOpen).collect(Collectors.toSet());

        Assertions.assertThat(literal).isEqualTo(open);
    }
}
