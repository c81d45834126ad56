package org.relay.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Optional fixed timer durations (ISO-8601, e.g. PT2M) that replace the SLA table and business calendar: for demos
 * that want to watch a reminder or an escalation happen within minutes. Unset (the default), deadlines come from
 * {@code processes/referral-sla.dmn} in business hours.
 */
@ConfigurationProperties("relay.sla")
public record SlaProperties(Duration reviewReminder, Duration reviewEscalation, Duration noActivityEscalation) {

    public SlaProperties {
        for (Duration duration : new Duration[]{reviewReminder, reviewEscalation, noActivityEscalation}) {
            if (duration != null && (duration.isZero() || duration.isNegative())) {
                throw new IllegalArgumentException("relay.sla durations must be positive");
            }
        }
        if ((reviewReminder == null) != (reviewEscalation == null)) {
            throw new IllegalArgumentException("Set both relay.sla.review-reminder and relay.sla.review-escalation, or neither");
        }
        if (reviewReminder != null && reviewReminder.compareTo(reviewEscalation) >= 0) {
            throw new IllegalArgumentException("relay.sla.review-reminder must come before relay.sla.review-escalation");
        }
    }
}
