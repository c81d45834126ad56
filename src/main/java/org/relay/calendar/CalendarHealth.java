package org.relay.calendar;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/health}'s {@code calendars}: WARNING when a business calendar's holiday data ends within
 * {@code relay.calendar.warning-horizon} (18 months), so there is time to add it before a restart is refused (12
 * months, BusinessCalendars). WARNING answers HTTP 200 and is not part of the readiness group the load balancer asks
 * (application.yaml): a node with a calendar to maintain keeps serving.
 */
@Component("calendars")
class CalendarHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "a business calendar's holiday data runs out soon");

    private final BusinessCalendars calendars;
    private final Clock clock;

    CalendarHealth(BusinessCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendars.zone());
        List<HolidayCoverage> coverage = calendars.coverage(today, calendars.warningHorizon());
        Health.Builder health = coverage.stream().allMatch(HolidayCoverage::covered) ? Health.up() : Health.status(WARNING);
        List<String> warnings = coverage.stream().filter(c -> !c.covered()).map(HolidayCoverage::problem).toList();
        if (!warnings.isEmpty()) {
            health.withDetail("warning", "Holiday data ends within " + calendars.warningHorizon() + "; a start after "
                    + "it covers less than " + calendars.requiredHorizon() + " is refused: " + String.join("; ", warnings));
        }
        for (HolidayCoverage c : coverage) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("holidays", c.source());
            detail.put("holidaysUntil", c.knownUntil() == null ? "no end (rules)" : c.knownUntil().toString());
            detail.put("holidaysInWindow", c.holidaysAhead());
            detail.put("nextHoliday", c.nextHoliday() == null ? "none" : c.nextHoliday().toString());
            health.withDetail(c.calendar(), detail);
        }
        return health.build();
    }
}
