package org.relay.sla;

import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The business calendar for a customer region, built once from configuration. */
@Component
public class BusinessCalendars {

    private final BusinessCalendar fallback;
    private final Map<String, BusinessCalendar> byRegion = new HashMap<>();

    BusinessCalendars(CalendarProperties properties) {
        CalendarProperties.Calendar defaults = properties.defaults();
        this.fallback = build(defaults, new CalendarProperties.Calendar(ZoneId.of("UTC"),
                java.util.List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), java.util.List.of()));
        CalendarProperties.Calendar resolvedDefaults = new CalendarProperties.Calendar(fallback.zone(),
                java.util.List.copyOf(fallback.workingDays()), fallback.opens(), fallback.closes(),
                java.util.List.copyOf(fallback.holidays()));
        properties.regions().forEach((region, calendar) ->
                byRegion.put(region.toLowerCase(Locale.ROOT), build(calendar, resolvedDefaults)));
    }

    public BusinessCalendar forRegion(String region) {
        return region == null ? fallback : byRegion.getOrDefault(region.toLowerCase(Locale.ROOT), fallback);
    }

    private static BusinessCalendar build(CalendarProperties.Calendar calendar, CalendarProperties.Calendar defaults) {
        Set<DayOfWeek> days = calendar.workingDays() == null || calendar.workingDays().isEmpty()
                ? EnumSet.copyOf(defaults.workingDays()) : EnumSet.copyOf(calendar.workingDays());
        // a region observes the default holidays plus its own
        Set<java.time.LocalDate> holidays = new HashSet<>(defaults.holidays());
        if (calendar.holidays() != null) {
            holidays.addAll(calendar.holidays());
        }
        return new BusinessCalendar(
                calendar.zone() == null ? defaults.zone() : calendar.zone(),
                days,
                calendar.opens() == null ? defaults.opens() : calendar.opens(),
                calendar.closes() == null ? defaults.closes() : calendar.closes(),
                holidays);
    }
}
