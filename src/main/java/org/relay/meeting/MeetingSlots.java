package org.relay.meeting;

import org.relay.calendar.BusinessCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The meeting slots of one owner: slots of {@code length} inside the business calendar's opening hours on working days
 * (weekends and holidays left out), from {@code now + notice} over the next {@code businessDays} working days, minus
 * every slot that overlaps a meeting the owner already has in Relay. Pure: the caller passes the clock and the bookings.
 */
record MeetingSlots(BusinessCalendar calendar, Duration length, int businessDays, Duration notice) {

    /** A busy interval of the owner's (a standing booking). */
    record Busy(Instant start, Instant end) {
    }

    List<Instant> free(Instant now, List<Busy> busy) {
        List<Instant> slots = new ArrayList<>();
        Instant earliest = now.plus(notice);
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        int workingDaysSeen = 0;
        for (int guard = 0; workingDaysSeen < businessDays && guard < 3660; guard++, day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            workingDaysSeen++;
            ZonedDateTime closes = day.atTime(calendar.closes()).atZone(calendar.zone());
            for (ZonedDateTime start = day.atTime(calendar.opens()).atZone(calendar.zone());
                 !start.plus(length).isAfter(closes); start = start.plus(length)) {
                Instant from = start.toInstant();
                Instant to = from.plus(length);
                if (!from.isBefore(earliest) && busy.stream().noneMatch(b -> b.start().isBefore(to) && from.isBefore(b.end()))) {
                    slots.add(from);
                }
            }
        }
        return slots;
    }

    /** Whether {@code start} begins a slot of this calendar's grid at all (a tampered time does not). */
    boolean onGrid(Instant start) {
        ZonedDateTime at = start.atZone(calendar.zone());
        LocalTime time = at.toLocalTime();
        long fromOpening = Duration.between(calendar.opens(), time).toSeconds();
        return calendar.isWorkingDay(at.toLocalDate()) && fromOpening >= 0 && fromOpening % length.toSeconds() == 0
                && !time.plus(length).isAfter(calendar.closes()) && !time.plus(length).isBefore(time);
    }
}
