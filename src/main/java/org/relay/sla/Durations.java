package org.relay.sla;

import org.relay.i18n.StoredSentence;

import java.time.Duration;
import java.time.Instant;

/**
 * Durations as people read them in emails and timelines: "2 d 3 h", "45 min" — kept as a {@link StoredSentence}
 * (duration.* in i18n/messages), so French reads "2 j 3 h" and German "2 T. 3 Std.".
 */
public final class Durations {

    private Durations() {
    }

    public static String readable(Instant from, Instant to) {
        return readable(Duration.between(from, to));
    }

    public static String readable(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return hours > 0 ? StoredSentence.of("duration.days-hours", days, hours) : StoredSentence.of("duration.days", days);
        }
        if (hours > 0) {
            return mins > 0 ? StoredSentence.of("duration.hours-minutes", hours, mins) : StoredSentence.of("duration.hours", hours);
        }
        return StoredSentence.of("duration.minutes", mins);
    }
}
