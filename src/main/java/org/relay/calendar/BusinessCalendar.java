package org.relay.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working time in one region: working days, opening hours and holidays in a time zone. SLA clocks only run inside
 * it, so a referral created on Friday evening is not escalated on Sunday.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
                               HolidayRules holidays) {

    /** A calendar whose holidays are exactly the listed days. */
    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
                            Set<LocalDate> holidays) {
        this(zone, workingDays, opens, closes, HolidayRules.listed(holidays));
    }

    public BusinessCalendar {
        workingDays = Set.copyOf(workingDays);
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("A business calendar needs at least one working day");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Opening time " + opens + " must be before closing time " + closes);
        }
    }

    /** The instant when {@code workingTime} of working time has passed after {@code start}. */
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        ZonedDateTime cursor = start.atZone(zone);
        Duration left = workingTime;
        while (true) {
            cursor = nextWorkingMoment(cursor);
            ZonedDateTime closing = cursor.with(closes);
            Duration today = Duration.between(cursor, closing);
            if (left.compareTo(today) <= 0) {
                return cursor.plus(left).toInstant();
            }
            left = left.minus(today);
            cursor = closing;
        }
    }

    /**
     * Whether {@code at} is within one business day of {@code start}: no later than a working day's worth of working
     * time (opening to closing) after it. Created on Friday at 16:00 on a 9–17 calendar, Monday at 15:00 still is.
     */
    public boolean withinOneBusinessDay(Instant start, Instant at) {
        return !at.isAfter(plusWorkingTime(start, Duration.between(opens, closes)));
    }

    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
    }

    /** {@code at} itself when inside working hours, else the next opening. */
    private ZonedDateTime nextWorkingMoment(ZonedDateTime at) {
        ZonedDateTime cursor = at;
        for (int days = 0; days < 3660; days++) {
            LocalDate date = cursor.toLocalDate();
            if (isWorkingDay(date)) {
                LocalTime time = cursor.toLocalTime();
                if (time.isBefore(opens)) {
                    return cursor.with(opens);
                }
                if (time.isBefore(closes)) {
                    return cursor;
                }
            }
            cursor = date.plusDays(1).atTime(opens).atZone(zone);
        }
        throw new IllegalStateException("No working day within ten years of " + at);
    }
}
