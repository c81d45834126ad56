package org.relay.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) invitation to one booked meeting, or its cancellation: METHOD REQUEST or CANCEL, one VEVENT
 * whose UID stays the booking's for its life and whose SEQUENCE grows with each change, times in UTC, the owner as
 * ORGANIZER and the customer as ATTENDEE. Written by hand (no calendar library on the classpath): TEXT values escaped
 * (backslash, semicolon, comma, newline), parameter values quoted, lines folded at 75 octets without splitting a
 * character, CRLF line ends. CalendarInvitationTest parses the result back with ical4j.
 */
record CalendarInvitation(Method method, String uid, int sequence, Instant stamp, Instant start, Instant end,
                          String summary, String description, String location, Person organizer, Person attendee) {

    /** METHOD of the calendar object: a new or changed meeting, or its cancellation. */
    enum Method { REQUEST, CANCEL }

    /** Someone with a name (may be null) and a mail address. */
    record Person(String name, String email) {
    }

    static final String CONTENT_TYPE_REQUEST = "text/calendar; charset=UTF-8; method=REQUEST";
    static final String CONTENT_TYPE_CANCEL = "text/calendar; charset=UTF-8; method=CANCEL";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    String contentType() {
        return method == Method.REQUEST ? CONTENT_TYPE_REQUEST : CONTENT_TYPE_CANCEL;
    }

    String text() {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "PRODID:-//Relay//Meeting booking//EN");
        line(ics, "VERSION:2.0");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method.name());
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + text(uid));
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(start));
        line(ics, "DTEND:" + UTC.format(end));
        line(ics, "SUMMARY:" + text(summary));
        if (description != null) {
            line(ics, "DESCRIPTION:" + text(description));
        }
        if (location != null) {
            line(ics, "LOCATION:" + text(location));
        }
        line(ics, "ORGANIZER" + commonName(organizer) + ":mailto:" + address(organizer.email()));
        // the customer chose the time themselves: their part is accepted, no answer is asked for
        line(ics, "ATTENDEE" + commonName(attendee) + ";ROLE=REQ-PARTICIPANT"
                + (method == Method.REQUEST ? ";PARTSTAT=ACCEPTED" : "") + ";RSVP=FALSE:mailto:" + address(attendee.email()));
        line(ics, "STATUS:" + (method == Method.CANCEL ? "CANCELLED" : "CONFIRMED"));
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT value escaping (RFC 5545 3.3.11); control characters other than newline are dropped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder();
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7F) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** ;CN="…" (RFC 5545 3.2: a quoted parameter value cannot hold DQUOTE or control characters). */
    private static String commonName(Person person) {
        if (person.name() == null || person.name().isBlank()) {
            return "";
        }
        String name = person.name().strip().replaceAll("[\"\\p{Cntrl}]", "");
        return ";CN=\"" + name + "\"";
    }

    /** An address inside a mailto: URI, with nothing that could end the property or start another. */
    private static String address(String email) {
        return email.strip().replaceAll("[\\s\"<>;:,\\\\\\p{Cntrl}]", "");
    }

    /** Appends one content line, folded: at most 75 octets per physical line, continuation lines start with a space. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
