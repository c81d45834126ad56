package org.relay.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Timer durations of the lifecycle (ISO-8601 in configuration, e.g. PT24H), so demos and tests can shorten them.
 *
 * @param reviewReminder         after this long without a decision the recipient is reminded (the task stays)
 * @param reviewEscalation       after this long without a decision the referral moves to the manager queue
 * @param noActivityEscalation   after this long in "Work referral" the manager queue is told it sits idle
 */
@ConfigurationProperties("relay.sla")
public record SlaProperties(Duration reviewReminder, Duration reviewEscalation, Duration noActivityEscalation) {

    public SlaProperties {
        reviewReminder = reviewReminder == null ? Duration.ofHours(24) : reviewReminder;
        reviewEscalation = reviewEscalation == null ? Duration.ofHours(48) : reviewEscalation;
        noActivityEscalation = noActivityEscalation == null ? Duration.ofDays(5) : noActivityEscalation;
        if (isNotPositive(reviewReminder) || isNotPositive(reviewEscalation) || isNotPositive(noActivityEscalation)) {
            throw new IllegalArgumentException("relay.sla durations must be positive");
        }
        if (reviewReminder.compareTo(reviewEscalation) >= 0) {
            throw new IllegalArgumentException("relay.sla.review-reminder must come before relay.sla.review-escalation");
        }
    }

    private static boolean isNotPositive(Duration duration) {
        return duration.isZero() || duration.isNegative();
    }
}
