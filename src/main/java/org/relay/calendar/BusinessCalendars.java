package org.relay.calendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The business calendar for a customer region, built once from configuration. Relay refuses to start when a
 * calendar has no holiday data for the next {@code relay.calendar.required-horizon} (12 months): without it an SLA
 * clock would silently count holidays as working days (issue #26, item 3).
 */
@Component
public class BusinessCalendars {

    static final String DEFAULT = "default";

    private final BusinessCalendar fallback;
    private final Map<String, BusinessCalendar> byRegion = new LinkedHashMap<>();
    private final CalendarProperties properties;

    @Autowired
    BusinessCalendars(CalendarProperties properties, Clock clock) {
        this(properties);
        refuseWithoutHolidayData(LocalDate.ofInstant(clock.instant(), fallback.zone()));
    }

    /** The calendars without the start-up check (the health indicator's test builds failing ones). */
    BusinessCalendars(CalendarProperties properties) {
        this.properties = properties;
        CalendarProperties.Calendar defaults = properties.defaults();
        ZoneId zone = defaults.zone() == null ? ZoneId.of("UTC") : defaults.zone();
        Set<DayOfWeek> days = defaults.workingDays() == null || defaults.workingDays().isEmpty()
                ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : EnumSet.copyOf(defaults.workingDays());
        LocalTime opens = defaults.opens() == null ? LocalTime.of(9, 0) : defaults.opens();
        LocalTime closes = defaults.closes() == null ? LocalTime.of(17, 0) : defaults.closes();
        this.fallback = new BusinessCalendar(zone, days, opens, closes,
                holidays(defaults.holidayRegion(), extraDays(defaults, null)));
        properties.regions().forEach((region, calendar) ->
                byRegion.put(region.toLowerCase(Locale.ROOT), build(calendar, defaults)));
    }

    public BusinessCalendar forRegion(String region) {
        return region == null ? fallback : byRegion.getOrDefault(region.toLowerCase(Locale.ROOT), fallback);
    }

    /** What each calendar knows about holidays from {@code today} over {@code horizon}, the default first. */
    public List<HolidayCoverage> coverage(LocalDate today, Period horizon) {
        List<HolidayCoverage> coverage = new ArrayList<>();
        coverage.add(HolidayCoverage.of(DEFAULT, fallback.holidays(), today, horizon));
        byRegion.forEach((region, calendar) ->
                coverage.add(HolidayCoverage.of(region, calendar.holidays(), today, horizon)));
        return coverage;
    }

    Period requiredHorizon() {
        return properties.requiredHorizon();
    }

    Period warningHorizon() {
        return properties.warningHorizon();
    }

    ZoneId zone() {
        return fallback.zone();
    }

    void refuseWithoutHolidayData(LocalDate today) {
        List<String> uncovered = coverage(today, properties.requiredHorizon()).stream()
                .filter(c -> !c.covered()).map(HolidayCoverage::problem).toList();
        if (!uncovered.isEmpty()) {
            throw new IllegalStateException("Relay will not start with business calendars that have no holiday data for"
                    + " the next " + properties.requiredHorizon() + " (SLA deadlines would count holidays as working"
                    + " days): " + String.join("; ", uncovered) + ". Set relay.calendar.defaults.holiday-region (or"
                    + " the region's) to a country or subdivision such as US or US-NY, or list the coming holidays"
                    + " under holidays");
        }
    }

    private BusinessCalendar build(CalendarProperties.Calendar calendar, CalendarProperties.Calendar defaults) {
        Set<DayOfWeek> days = calendar.workingDays() == null || calendar.workingDays().isEmpty()
                ? EnumSet.copyOf(fallback.workingDays()) : EnumSet.copyOf(calendar.workingDays());
        String holidayRegion = calendar.holidayRegion() == null ? defaults.holidayRegion() : calendar.holidayRegion();
        return new BusinessCalendar(
                calendar.zone() == null ? fallback.zone() : calendar.zone(),
                days,
                calendar.opens() == null ? fallback.opens() : calendar.opens(),
                calendar.closes() == null ? fallback.closes() : calendar.closes(),
                holidays(holidayRegion, extraDays(defaults, calendar)));
    }

    /** A region observes the default's extra days plus its own. */
    private static Set<LocalDate> extraDays(CalendarProperties.Calendar defaults, CalendarProperties.Calendar region) {
        Set<LocalDate> days = new HashSet<>();
        if (defaults.holidays() != null) {
            days.addAll(defaults.holidays());
        }
        if (region != null && region.holidays() != null) {
            days.addAll(region.holidays());
        }
        return days;
    }

    private static HolidayRules holidays(String holidayRegion, Set<LocalDate> extraDays) {
        return holidayRegion == null || holidayRegion.isBlank()
                ? HolidayRules.listed(extraDays) : HolidayRules.of(holidayRegion, extraDays);
    }
}
