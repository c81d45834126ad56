package org.relay.sla;

import org.relay.calendar.BusinessCalendars;
import org.relay.calendar.BusinessCalendar;
import org.relay.referral.Referral;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** Turns SLA terms into deadlines on the customer region's business calendar (or the fixed demo overrides). */
@Component
public class SlaPlanner {

    public record ReviewDeadlines(Instant remindAt, Instant escalateAt) {
    }

    private final BusinessCalendars calendars;
    private final SlaProperties overrides;
    private final Clock clock;

    SlaPlanner(BusinessCalendars calendars, SlaProperties overrides, Clock clock) {
        this.calendars = calendars;
        this.overrides = overrides;
        this.clock = clock;
    }

    public ReviewDeadlines review(Referral referral, SlaTerms terms) {
        return review(referral, terms, clock.instant());
    }

    /** Deadlines of a review that started at {@code now} (earlier than the clock when re-planning). */
    public ReviewDeadlines review(Referral referral, SlaTerms terms, Instant now) {
        if (overrides.reviewReminder() != null) {
            return new ReviewDeadlines(now.plus(overrides.reviewReminder()), now.plus(overrides.reviewEscalation()));
        }
        BusinessCalendar calendar = calendars.forRegion(referral.getCustomer().getRegion());
        return new ReviewDeadlines(calendar.plusWorkingTime(now, terms.remindAfter()),
                calendar.plusWorkingTime(now, terms.escalateAfter()));
    }

    public Instant workIdleAt(Referral referral, SlaTerms terms) {
        return workIdleAt(referral, terms, clock.instant());
    }

    public Instant workIdleAt(Referral referral, SlaTerms terms, Instant now) {
        if (overrides.noActivityEscalation() != null) {
            return now.plus(overrides.noActivityEscalation());
        }
        return calendars.forRegion(referral.getCustomer().getRegion()).plusWorkingTime(now, terms.firstActionWithin());
    }
}
