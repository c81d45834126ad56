package org.relay.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working-time arithmetic, with expectations worked out by hand on a 09:00–17:00, Monday–Friday calendar. */
class BusinessCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final BusinessCalendar calendar = new BusinessCalendar(NEW_YORK,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0),
            Set.of(LocalDate.of(2026, 12, 25)));

    @Test
    void within_one_working_day() {
        assertThat(plus("2026-12-02T10:00", 2)).isEqualTo(at("2026-12-02T12:00"));
    }

    @Test
    void friday_evening_counts_from_monday_morning() {
        assertThat(plus("2026-12-04T18:30", 4)).isEqualTo(at("2026-12-07T13:00"));
    }

    @Test
    void the_rest_of_today_then_the_next_working_day() {
        // 2 h left on Tuesday (15:00–17:00), 6 h on Wednesday
        assertThat(plus("2026-12-01T15:00", 8)).isEqualTo(at("2026-12-02T15:00"));
    }

    @Test
    void holidays_and_weekends_are_skipped() {
        // Thursday 24 Dec 16:00: 1 h that day; Friday 25 is a holiday; Monday 28 from 09:00
        assertThat(plus("2026-12-24T16:00", 2)).isEqualTo(at("2026-12-28T10:00"));
    }

    @Test
    void early_morning_starts_at_opening() {
        assertThat(plus("2026-12-02T06:15", 1)).isEqualTo(at("2026-12-02T10:00"));
    }

    @Test
    void exactly_at_closing_time_is_still_that_day() {
        assertThat(plus("2026-12-02T09:00", 8)).isEqualTo(at("2026-12-02T17:00"));
    }

    @Test
    void a_calendar_without_working_days_is_refused() {
        assertThatThrownBy(() -> new BusinessCalendar(NEW_YORK, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Instant plus(String localStart, int hours) {
        return calendar.plusWorkingTime(at(localStart), Duration.ofHours(hours));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
    }
}
