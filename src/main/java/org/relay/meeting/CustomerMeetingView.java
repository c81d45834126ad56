package org.relay.meeting;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Book a meeting" section of the customer's status page: their meeting, if they have one, and the times they may
 * pick, in the business calendar's time zone. The page's words are in templates/status/page.html.
 *
 * @param open     the owner has the request and it is open: booking is possible at all
 * @param booked   the customer's standing meeting, or null
 * @param times    the times the customer may pick now, earliest first
 * @param location where the meeting takes place
 */
public record CustomerMeetingView(boolean open, Slot booked, List<Slot> times, String location) {

    static CustomerMeetingView none() {
        return new CustomerMeetingView(false, null, List.of(), null);
    }

    /** One meeting time; {@code id} is what the page's form sends back (the start as an ISO instant). */
    public record Slot(ZonedDateTime start, ZonedDateTime end) {
        public String id() {
            return start.toInstant().toString();
        }
    }

    /** The section is shown: there is a meeting, or times to pick. */
    public boolean shown() {
        return open && (booked != null || !times.isEmpty());
    }

    /** The times grouped by day, for the page's lists. */
    public Map<LocalDate, List<Slot>> byDay() {
        Map<LocalDate, List<Slot>> days = new LinkedHashMap<>();
        for (Slot slot : times) {
            days.computeIfAbsent(slot.start().toLocalDate(), d -> new java.util.ArrayList<>()).add(slot);
        }
        return days;
    }

    /** How long a meeting is, in minutes. */
    public long minutes() {
        Slot any = booked != null ? booked : times.isEmpty() ? null : times.get(0);
        return any == null ? 0 : java.time.Duration.between(any.start(), any.end()).toMinutes();
    }

    /** The time zone's name as people say it in their language ("Eastern Time", "heure de l’Est nord-américain"). */
    public String zoneName(Locale language) {
        ZonedDateTime any = booked != null ? booked.start() : times.isEmpty() ? null : times.get(0).start();
        return any == null ? null : any.getZone().getDisplayName(TextStyle.FULL, language);
    }
}
