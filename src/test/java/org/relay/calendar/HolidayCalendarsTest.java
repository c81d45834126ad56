package org.relay.calendar;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #26, item 3: the SLA calendars take their holidays from the holiday library per region, so they do not run
 * out at the end of a configured list; a calendar without holiday data ahead refuses the start or warns in health.
 */
class HolidayCalendarsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /**
     * As application.yaml: New York's holidays plus a closure on 2026-12-31; north adds one of its own, texas has its
     * state's holidays, west only a list of days (which ends).
     */
    private static CalendarProperties configured(List<LocalDate> westDays) {
        CalendarProperties.Calendar defaults = new CalendarProperties.Calendar(NEW_YORK, null, null, null, "US-NY",
                List.of(LocalDate.of(2026, 12, 31)));
        return new CalendarProperties(defaults, Map.of(
                "north", new CalendarProperties.Calendar(null, null, null, null, null, List.of(LocalDate.of(2026, 12, 26))),
                "texas", new CalendarProperties.Calendar(ZoneId.of("America/Chicago"), null, null, null, "US-TX", null),
                "west", new CalendarProperties.Calendar(null, null, null, null, "", westDays)),
                Period.ofMonths(12), Period.ofMonths(18));
    }

    private final BusinessCalendars calendars = new BusinessCalendars(configured(newYearsDaysUntil(2040)));

    @Test
    void holidays_in_2028_and_2030_come_from_the_library() {
        BusinessCalendar newYork = calendars.forRegion(null);
        assertThat(newYork.isWorkingDay(LocalDate.of(2028, 1, 17))).as("Martin Luther King Day 2028").isFalse();
        assertThat(newYork.isWorkingDay(LocalDate.of(2028, 10, 9))).as("Columbus Day 2028 (New York)").isFalse();
        assertThat(newYork.isWorkingDay(LocalDate.of(2030, 11, 28))).as("Thanksgiving 2030").isFalse();
        assertThat(newYork.isWorkingDay(LocalDate.of(2030, 12, 25))).as("Christmas 2030").isFalse();
        // observed dates: 4 July 2027 is a Sunday, closed on Monday 5 July
        assertThat(newYork.isWorkingDay(LocalDate.of(2027, 7, 5))).isFalse();
        // an observance (New York's Lincoln's Birthday) is a working day, as is an ordinary Tuesday
        assertThat(newYork.isWorkingDay(LocalDate.of(2030, 2, 12))).isTrue();
        assertThat(newYork.isWorkingDay(LocalDate.of(2030, 11, 26))).isTrue();
        // configured extra days are added
        assertThat(newYork.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();

        // an SLA clock over Thanksgiving 2030: Wednesday 16:00 + 2 working hours = Friday 10:00
        Instant due = newYork.plusWorkingTime(LocalDateTime.parse("2030-11-27T16:00").atZone(NEW_YORK).toInstant(),
                Duration.ofHours(2));
        assertThat(due).isEqualTo(LocalDateTime.parse("2030-11-29T10:00").atZone(NEW_YORK).toInstant());
    }

    @Test
    void regions_map_to_a_subdivision_and_keep_their_extra_days() {
        assertThat(calendars.forRegion("North").isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();
        assertThat(calendars.forRegion("north").isWorkingDay(LocalDate.of(2028, 1, 17))).as("inherits US-NY").isFalse();
        BusinessCalendar texas = calendars.forRegion("texas");
        assertThat(texas.zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(texas.isWorkingDay(LocalDate.of(2028, 11, 24))).as("Texas: the day after Thanksgiving").isFalse();
        assertThat(calendars.forRegion(null).isWorkingDay(LocalDate.of(2028, 11, 24))).as("New York works").isTrue();
        assertThat(texas.isWorkingDay(LocalDate.of(2026, 12, 31))).as("the default's extra day").isFalse();
    }

    @Test
    void an_unknown_country_or_subdivision_is_refused() {
        assertThatThrownBy(() -> HolidayRules.of("US-XX", java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no subdivision XX of US")
                .hasMessageContaining("US-NY");
        assertThatThrownBy(() -> HolidayRules.of("QQ", java.util.Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no country QQ");
    }

    @Test
    void a_start_is_refused_when_a_calendar_has_no_holiday_data_for_the_next_twelve_months() {
        // the list that ended on 2027-12-24 (issue #26: SLA clocks go wrong on 1 January 2028)
        CalendarProperties ending = configured(List.of(LocalDate.of(2027, 11, 25), LocalDate.of(2027, 12, 24)));
        assertThatThrownBy(() -> new BusinessCalendars(ending, fixed("2027-03-01")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no holiday data for the next P12M")
                .hasMessageContaining("calendar west: 3 listed days, the last on 2027-12-24")
                .hasMessageNotContaining("calendar default")
                .hasMessageNotContaining("calendar north");
        // the library's calendars never run out
        new BusinessCalendars(configured(newYearsDaysUntil(2040)), fixed("2039-01-01"));
    }

    @Test
    void health_warns_months_before_a_restart_would_be_refused_and_stays_up_otherwise() {
        // west's list ends 2028-06-30: covers the 12 months a start needs on 2027-04-01, not the 18 health looks at
        CalendarProperties ending = configured(List.of(LocalDate.of(2027, 12, 24), LocalDate.of(2028, 6, 30)));
        Clock april2027 = fixed("2027-04-01");
        BusinessCalendars started = new BusinessCalendars(ending, april2027);

        Health warning = new CalendarHealth(started, april2027).health();
        assertThat(warning.getStatus()).isEqualTo(CalendarHealth.WARNING);
        assertThat(warning.getDetails().get("warning").toString())
                .contains("calendar west: 3 listed days, the last on 2028-06-30");
        assertThat(warning.getDetails().get("default").toString())
                .contains("US-NY (Jollyday) + 1 extra day").contains("no end (rules)").contains("nextHoliday=2027-05-31");

        Health up = new CalendarHealth(calendars, april2027).health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsKeys("default", "north", "texas", "west").doesNotContainKey("warning");
    }

    /** A maintained list: 1 January of every year from 2026. */
    private static List<LocalDate> newYearsDaysUntil(int lastYear) {
        return IntStream.rangeClosed(2026, lastYear).mapToObj(year -> LocalDate.of(year, 1, 1)).toList();
    }

    private static Clock fixed(String date) {
        return Clock.fixed(LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }
}
