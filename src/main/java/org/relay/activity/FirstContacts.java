package org.relay.activity;

import org.relay.calendar.BusinessCalendars;
import org.relay.referral.Referral;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The first contact with a referral's customer, which the speed report measures: the first activity that is contact
 * ({@link ActivityType#isContact}: a call, email or meeting done, or a meeting booked; notes and planned ones are not),
 * timed when it was recorded — Relay's own clock, which a back-dated {@code occurredAt} cannot improve —, with the
 * owner at that moment (whoever recorded it while nobody owned the referral) and whether it came within one business
 * day of creation on the referral's business calendar (its customer's region).
 */
@Component
public class FirstContacts {

    private final BusinessCalendars calendars;

    FirstContacts(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    /** Notes the activity on the referral when it is the first contact. */
    void activityRecorded(Referral referral, Activity activity) {
        if (referral.getFirstContactAt() == null && activity.getType().isContact(activity.isDone())) {
            contacted(referral, activity.getRecordedAt(),
                    referral.getOwnerId() != null ? referral.getOwnerId() : activity.getRecordedBy());
        }
    }

    /** The customer was reached at {@code at} by {@code by} (also for history loaded from elsewhere). */
    public void contacted(Referral referral, Instant at, String by) {
        referral.firstContact(at, by, withinOneBusinessDay(referral.getCustomer().getRegion(), referral.getCreatedAt(), at));
    }

    boolean withinOneBusinessDay(String region, Instant created, Instant contacted) {
        return calendars.forRegion(region).withinOneBusinessDay(created, contacted);
    }
}
