package org.relay.rewards;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.Map;

/**
 * {@code relay.rewards.*} (application.yaml, docs/operations.md "Referral rewards"): who manages the programme, the
 * review period before an approved reward is payable, caps per referrer type and period, the gaming checks' limits.
 */
@ConfigurationProperties("relay.rewards")
public record RewardProperties(Boolean enabled, String managerGroup, Period reviewPeriod,
                               Map<RewardReferrerType, Cap> caps, Gaming gaming) {

    /** At most this many points and this much of one currency per referrer and calendar period (UTC); null: no limit. */
    public record Cap(CapPeriod period, Integer maxPoints, BigDecimal maxAmount) {
        public Cap {
            period = period == null ? CapPeriod.MONTH : period;
        }
    }

    public enum CapPeriod { MONTH, QUARTER, YEAR }

    /** The gaming checks' limits: the "credited twice" window, and how many referrals a day are unusual. */
    public record Gaming(Duration duplicateWindow, Integer maxReferralsPerDay) {
        public Gaming {
            duplicateWindow = duplicateWindow == null ? Duration.ofDays(180) : duplicateWindow;
            maxReferralsPerDay = maxReferralsPerDay == null ? 10 : maxReferralsPerDay;
        }
    }

    public RewardProperties {
        enabled = enabled == null || enabled;
        managerGroup = managerGroup == null || managerGroup.isBlank() ? "referral-managers" : managerGroup;
        reviewPeriod = reviewPeriod == null ? Period.ofDays(30) : reviewPeriod;
        caps = caps == null ? Map.of() : Map.copyOf(caps);
        gaming = gaming == null ? new Gaming(null, null) : gaming;
    }
}
