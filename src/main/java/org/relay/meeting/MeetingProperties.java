package org.relay.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Meetings the customer books on their status page ({@code relay.meetings.*}, docs/operations.md).
 *
 * @param slotLength          how long one meeting is (PT30M)
 * @param horizonBusinessDays how many working days ahead, today included, times are offered (10)
 * @param minimumNotice       the earliest a meeting may start after it is booked (PT2H)
 * @param customerPicksFrom   OFFERED: only the times the owner offered on the Work form (default); ANY_FREE: any free
 *                            slot in the owner's working hours
 * @param location            where the meeting takes place, as the invitation says
 */
@ConfigurationProperties("relay.meetings")
public record MeetingProperties(Duration slotLength, Integer horizonBusinessDays, Duration minimumNotice,
                                CustomerChoice customerPicksFrom, String location) {

    /** Which times the customer may pick from. */
    public enum CustomerChoice { OFFERED, ANY_FREE }

    public MeetingProperties {
        slotLength = slotLength == null || slotLength.isNegative() || slotLength.isZero()
                || slotLength.compareTo(Duration.ofHours(4)) > 0 ? Duration.ofMinutes(30) : slotLength;
        horizonBusinessDays = horizonBusinessDays == null || horizonBusinessDays < 1 || horizonBusinessDays > 60
                ? 10 : horizonBusinessDays;
        minimumNotice = minimumNotice == null || minimumNotice.isNegative() ? Duration.ofHours(2) : minimumNotice;
        customerPicksFrom = customerPicksFrom == null ? CustomerChoice.OFFERED : customerPicksFrom;
        location = location == null || location.isBlank() ? "By phone: your specialist calls you" : location.strip();
    }
}
