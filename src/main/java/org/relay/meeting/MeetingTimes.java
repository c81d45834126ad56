package org.relay.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** A meeting's time in one line for staff's records (the activity, the timeline): "Tue 8 Dec 2026, 09:00–09:30 Eastern Time". */
final class MeetingTimes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private MeetingTimes() {
    }

    static String describe(Instant start, Instant end, ZoneId zone) {
        return DAY.format(start.atZone(zone)) + "–" + TIME.format(end.atZone(zone)) + " "
                + zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
