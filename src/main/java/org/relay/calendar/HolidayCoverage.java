package org.relay.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * What one calendar knows about holidays from {@code from} to {@code until}: where they come from, how many fall in
 * that window, the next one, and the last day it has data for ({@code null}: rules without an end). It is covered
 * when its data reaches the window's last day and at least one holiday falls in it.
 */
public record HolidayCoverage(String calendar, String source, LocalDate from, LocalDate until, int holidaysAhead,
                              LocalDate nextHoliday, LocalDate knownUntil) {

    static HolidayCoverage of(String calendar, HolidayRules holidays, LocalDate today, Period horizon) {
        LocalDate until = today.plus(horizon);
        Set<LocalDate> ahead = holidays.between(today, until);
        return new HolidayCoverage(calendar, holidays.source(), today, until, ahead.size(),
                ahead.stream().min(LocalDate::compareTo).orElse(null), holidays.knownUntil().orElse(null));
    }

    public boolean covered() {
        return holidaysAhead > 0 && (knownUntil == null || !knownUntil.isBefore(until.minusDays(1)));
    }

    /** "calendar north: 13 listed days, the last on 2027-12-24, 0 of them between 2028-01-03 and 2029-01-02". */
    public String problem() {
        String last = knownUntil == null ? "" : ", the last on " + knownUntil;
        return "calendar " + calendar + ": " + source + last + ", " + holidaysAhead + " of them between " + from
                + " and " + until.minusDays(1);
    }
}
