package org.relay.sla;

import java.time.Duration;
import java.time.Instant;

/** Durations as people read them in emails and timelines: "2 d 3 h", "45 min". */
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
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (mins > 0 ? " " + mins + " min" : "");
        }
        return mins + " min";
    }
}
