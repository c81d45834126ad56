package org.relay.meeting;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The invitation Relay writes by hand, read back with an independent parser (ical4j): methods, UID, SEQUENCE, times in
 * UTC, organizer and attendee; TEXT escaping and line folding survive hostile and long values.
 */
class CalendarInvitationTest {

    private static final Instant START = Instant.parse("2026-12-08T14:00:00Z");

    private static CalendarInvitation invitation(CalendarInvitation.Method method, int sequence, String summary) {
        return new CalendarInvitation(method, "3f1c8e2a-1b7d-4c55-9a0e-77f1d2c3b4a5@relay", sequence,
                Instant.parse("2026-12-01T10:00:00Z"), START, START.plusSeconds(1800), summary,
                "About the request REF-000042.\nBring: ID; payslips, bank statements \\ anything else",
                "By phone: your specialist calls you", new CalendarInvitation.Person("Alice Romero", "alice@bank.example"),
                new CalendarInvitation.Person("Kiara \"K\" Thompson", "kiara@mail.example"));
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    @Test
    void a_request_reads_back_with_every_field() throws Exception {
        String text = invitation(CalendarInvitation.Method.REQUEST, 0, "Relay Bank: Kiara Thompson and Alice Romero").text();

        Calendar calendar = parse(text);
        Assertions.assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        Assertions.assertThat(event.getProperty("UID").orElseThrow().getValue())
                .isEqualTo("3f1c8e2a-1b7d-4c55-9a0e-77f1d2c3b4a5@relay");
        Assertions.assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        Assertions.assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20261208T140000Z");
        Assertions.assertThat(event.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20261208T143000Z");
        Assertions.assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:alice@bank.example");
        Attendee attendee = event.<Attendee>getProperty("ATTENDEE").orElseThrow();
        Assertions.assertThat(attendee.getValue()).isEqualTo("mailto:kiara@mail.example");
        Assertions.assertThat(attendee.getParameter("CN").orElseThrow().getValue()).isEqualTo("Kiara K Thompson");
        Assertions.assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        // TEXT escaping round-trips: newline, semicolon, comma, backslash
        Assertions.assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue())
                .isEqualTo("About the request REF-000042.\nBring: ID; payslips, bank statements \\ anything else");
        Assertions.assertThat(text).contains("\r\n").doesNotContain("\n\n");
    }

    @Test
    void a_cancellation_keeps_the_uid_and_raises_the_sequence() throws Exception {
        VEvent request = parse(invitation(CalendarInvitation.Method.REQUEST, 0, "Meeting").text())
                .<VEvent>getComponent("VEVENT").orElseThrow();
        Calendar cancel = parse(invitation(CalendarInvitation.Method.CANCEL, 1, "Meeting").text());

        Assertions.assertThat(cancel.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = cancel.<VEvent>getComponent("VEVENT").orElseThrow();
        Assertions.assertThat(event.getProperty("UID").orElseThrow().getValue())
                .isEqualTo(request.getProperty("UID").orElseThrow().getValue());
        Assertions.assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        Assertions.assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void long_and_multibyte_lines_are_folded_at_75_octets_and_unfold_to_the_same_text() throws Exception {
        String summary = "Relay Bank: Zoë Åkesson-Ñúñez and Alice Romero — 住宅ローンのご相談 ".repeat(4).strip();
        String text = invitation(CalendarInvitation.Method.REQUEST, 0, summary).text();

        for (String line : text.split("\r\n")) {
            Assertions.assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        Assertions.assertThat(text).contains("\r\n ");
        VEvent event = parse(text).<VEvent>getComponent("VEVENT").orElseThrow();
        Assertions.assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo(summary);
    }

    @Test
    void a_value_cannot_start_a_property_of_its_own() throws Exception {
        String hostile = "Kiara\r\nATTENDEE:mailto:attacker@evil.example\r\nEND:VEVENT";
        VEvent event = parse(invitation(CalendarInvitation.Method.REQUEST, 0, hostile).text())
                .<VEvent>getComponent("VEVENT").orElseThrow();

        Assertions.assertThat(event.getProperties("ATTENDEE")).hasSize(1);
        Assertions.assertThat(event.getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("Kiara\nATTENDEE:mailto:attacker@evil.example\nEND:VEVENT");
    }
}
