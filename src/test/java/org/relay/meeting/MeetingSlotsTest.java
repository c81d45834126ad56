package org.relay.meeting;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.calendar.BusinessCalendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The owner's free meeting slots: working hours only, weekends and holidays left out, the minimum notice kept, the
 * horizon counted in working days, the owner's meetings taken out.
 */
class MeetingSlotsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Mon–Fri 09:00–17:00 in New York; Wednesday 2 December 2026 is a holiday of the bank's. */
    private static final BusinessCalendar CALENDAR = new BusinessCalendar(NEW_YORK,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            Set.of(LocalDate.of(2026, 12, 2)));
    private static final MeetingSlots SLOTS = new MeetingSlots(CALENDAR, Duration.ofMinutes(30), 3, Duration.ofHours(2));

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    @Test
    void friday_afternoon_offers_the_rest_of_friday_after_the_notice_then_monday_and_tuesday_skipping_the_weekend() {
        List<Instant> free = SLOTS.free(at("2026-11-27T13:10"), List.of());

        // Friday: from 15:30 (13:10 + 2 h notice, the next half hour), the last slot 16:30–17:00
        Assertions.assertThat(free).startsWith(at("2026-11-27T15:30"), at("2026-11-27T16:00"), at("2026-11-27T16:30"));
        // no Saturday, no Sunday; Monday from opening to the last slot before closing
        Assertions.assertThat(free).doesNotContain(at("2026-11-28T10:00"), at("2026-11-29T10:00"), at("2026-11-27T17:00"));
        Assertions.assertThat(free).contains(at("2026-11-30T09:00"), at("2026-11-30T16:30"), at("2026-12-01T16:30"));
        Assertions.assertThat(free).doesNotContain(at("2026-11-30T08:30"), at("2026-11-30T17:00"));
        // three working days: Friday, Monday, Tuesday; nothing on Wednesday (a holiday) or after
        Assertions.assertThat(free).hasSize(3 + 16 + 16);
        Assertions.assertThat(free).allMatch(start -> start.isBefore(at("2026-12-02T00:00")));
    }

    @Test
    void a_holiday_is_skipped_and_does_not_count_towards_the_horizon() {
        List<Instant> free = SLOTS.free(at("2026-12-01T18:00"), List.of());

        Assertions.assertThat(free).noneMatch(start -> start.atZone(NEW_YORK).toLocalDate().equals(LocalDate.of(2026, 12, 2)));
        // the three working days are today (Tuesday, already over), Thursday and Friday: Wednesday does not count
        Assertions.assertThat(free.get(0)).isEqualTo(at("2026-12-03T09:00"));
        Assertions.assertThat(free.get(free.size() - 1)).isEqualTo(at("2026-12-04T16:30"));
        Assertions.assertThat(free).hasSize(16 + 16);
    }

    @Test
    void the_owners_meetings_take_out_every_slot_they_overlap() {
        List<MeetingSlots.Busy> busy = List.of(new MeetingSlots.Busy(at("2026-11-30T10:00"), at("2026-11-30T10:30")),
                // a meeting booked when slots were 45 minutes long: it overlaps two of today's slots
                new MeetingSlots.Busy(at("2026-11-30T14:15"), at("2026-11-30T15:00")));

        List<Instant> free = SLOTS.free(at("2026-11-30T06:00"), busy);

        Assertions.assertThat(free).contains(at("2026-11-30T09:30"), at("2026-11-30T10:30"), at("2026-11-30T15:00"))
                .doesNotContain(at("2026-11-30T10:00"), at("2026-11-30T14:00"), at("2026-11-30T14:30"));
    }

    @Test
    void the_minimum_notice_leaves_out_slots_starting_too_soon() {
        List<Instant> free = SLOTS.free(at("2026-11-30T09:00"), List.of());

        Assertions.assertThat(free.get(0)).isEqualTo(at("2026-11-30T11:00"));
        Assertions.assertThat(free).doesNotContain(at("2026-11-30T10:30"));
    }

    @Test
    void only_starts_on_the_calendars_grid_are_slots() {
        Assertions.assertThat(SLOTS.onGrid(at("2026-11-30T09:30"))).isTrue();
        Assertions.assertThat(SLOTS.onGrid(at("2026-11-30T09:20"))).isFalse();   // not a slot's start
        Assertions.assertThat(SLOTS.onGrid(at("2026-11-30T17:00"))).isFalse();   // closed
        Assertions.assertThat(SLOTS.onGrid(at("2026-11-30T08:30"))).isFalse();   // not open yet
        Assertions.assertThat(SLOTS.onGrid(at("2026-11-28T10:00"))).isFalse();   // Saturday
        Assertions.assertThat(SLOTS.onGrid(at("2026-12-02T10:00"))).isFalse();   // the holiday
    }
}
