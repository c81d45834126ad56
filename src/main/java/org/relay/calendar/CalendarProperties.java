package org.relay.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Business calendars: {@code relay.calendar.default} and one per customer region under {@code relay.calendar.regions}
 * (keys compared case-insensitively); a region's missing values come from the default. A calendar's holidays are
 * those of its {@code holiday-region} (an ISO 3166 country or subdivision such as {@code US} or {@code US-NY}, from
 * the holiday library; a region without one takes the default's) plus its {@code holidays} (extra closed days; a
 * region observes the default's extra days too).
 *
 * <p>Relay refuses to start when a calendar has no holiday data for the next {@code required-horizon} (a calendar of
 * listed days only whose last day is nearer), and its health warns from {@code warning-horizon} on.
 */
@ConfigurationProperties("relay.calendar")
public record CalendarProperties(Calendar defaults, Map<String, Calendar> regions, Period requiredHorizon,
                                 Period warningHorizon) {

    public record Calendar(ZoneId zone, List<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
                           String holidayRegion, List<LocalDate> holidays) {
    }

    public CalendarProperties {
        defaults = defaults == null ? new Calendar(null, null, null, null, null, null) : defaults;
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        requiredHorizon = requiredHorizon == null ? Period.ofMonths(12) : requiredHorizon;
        warningHorizon = warningHorizon == null ? Period.ofMonths(18) : warningHorizon;
    }
}
