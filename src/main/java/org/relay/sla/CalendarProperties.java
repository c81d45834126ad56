package org.relay.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Business calendars: {@code relay.calendar.default} and one per customer region under {@code relay.calendar.regions}
 * (keys compared case-insensitively); a region's missing values come from the default, and it observes the
 * default holidays plus its own.
 */
@ConfigurationProperties("relay.calendar")
public record CalendarProperties(Calendar defaults, Map<String, Calendar> regions) {

    public record Calendar(ZoneId zone, List<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
                           List<LocalDate> holidays) {
    }

    public CalendarProperties {
        defaults = defaults == null ? new Calendar(null, null, null, null, null) : defaults;
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }
}
