package org.relay.analytics;

import org.relay.common.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each bar of the funnel and the speed report counts, as one SQL condition on a referral (alias {@code r}): the
 * reports count the referrals that meet it, the drill-downs ({@code GET /api/reports/{report}/referrals}) list them,
 * so a bar and its list cannot disagree. The monthly rollups count with the same conditions.
 */
final class ReportBars {

    static final String ASSIGNED = "r.assigned_at is not null";
    static final String ACCEPTED = "r.accepted_at is not null";
    static final String CONVERTED = "r.status = 'CONVERTED'";
    static final String CLOSED_LOST = "r.status = 'CLOSED_LOST'";
    static final String OPEN = "r.status in ('NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS')";

    /**
     * Flagged overdue by the SLA timers (unclaimed at the warning time, review deadline missed and escalated, idle too
     * long): the first breach stays on the referral whatever happens next, so every escalated referral is a breached one.
     */
    static final String SLA_BREACHED = "r.overdue_at is not null";
    /** The timeline's event types that are an escalation to a manager. */
    static final String ESCALATION_TYPES = "('ESCALATED', 'IDLE_ESCALATED')";
    /** Escalated to a manager at least once (a referral escalated twice is one escalated referral). */
    static final String ESCALATED = "exists (select 1 from referral_event e where e.referral_id = r.id and e.type in "
            + ESCALATION_TYPES + ")";
    /** At least a week old (parameter {@code :weekAgo}), no activity ever recorded, not converted. */
    static final String NEVER_FOLLOWED_UP = "r.created_at < :weekAgo and r.last_activity_at is null "
            + "and r.in_progress_at is null and r.status <> 'CONVERTED'";
    static final String ACTED_WITHIN_HOUR = actedWithinHour(ReportQueries.HOURS_TO_ACCEPT, ReportQueries.HOURS_TO_FIRST_ACTIVITY);

    /**
     * First contact (activity.FirstContacts) within an hour of creation, and its exact complement: a referral not yet
     * contacted is not reached.
     */
    static final String REACHED_WITHIN_HOUR = "r.first_contact_at is not null and "
            + ReportQueries.HOURS_TO_FIRST_CONTACT + " <= 1";
    static final String NOT_REACHED_WITHIN_HOUR = "r.first_contact_at is null or "
            + ReportQueries.HOURS_TO_FIRST_CONTACT + " > 1";
    /** Within one business day on the referral's calendar (decided when the contact was recorded), and the complement. */
    static final String REACHED_WITHIN_BUSINESS_DAY = "r.first_contact_within_business_day = true";
    static final String NOT_REACHED_WITHIN_BUSINESS_DAY = "r.first_contact_within_business_day is null "
            + "or r.first_contact_within_business_day = false";
    /** Whose referral it is for first contact: the owner at first contact; not yet contacted, the owner now. */
    static final String FIRST_CONTACT_RECIPIENT = "coalesce(r.first_contact_by, r.owner_id)";

    /** The funnel's stages, in the order the funnel draws them. */
    static final Map<String, String> FUNNEL = ordered(
            "created", "1 = 1", "assigned", ASSIGNED, "accepted", ACCEPTED, "converted", CONVERTED,
            "closedLost", CLOSED_LOST, "open", OPEN);

    /** The speed report's counted measures (its medians and shares are not lists of referrals). */
    static final Map<String, String> SPEED = ordered(
            "slaBreaches", SLA_BREACHED, "escalations", ESCALATED, "neverFollowedUp", NEVER_FOLLOWED_UP,
            "actedWithinHour", ACTED_WITHIN_HOUR, "notReachedWithinHour", NOT_REACHED_WITHIN_HOUR,
            "notReachedWithinBusinessDay", NOT_REACHED_WITHIN_BUSINESS_DAY);

    private ReportBars() {
    }

    /** Accepted or first worked within an hour of creation, given the two durations in hours. */
    static String actedWithinHour(String hoursToAccept, String hoursToFirstActivity) {
        return hoursToAccept + " <= 1 or " + hoursToFirstActivity + " <= 1";
    }

    /** The SQL aggregate counting the referrals that meet {@code condition}. */
    static String count(String condition) {
        return "count(case when " + condition + " then 1 end)";
    }

    /** The condition of one bar of {@code bars}; 400 naming {@code field} when there is no such bar. */
    static String of(Map<String, String> bars, String field, String bar) {
        String condition = bar == null ? null : bars.get(bar.trim());
        if (condition == null) {
            throw bar == null || bar.isBlank()
                    ? InvalidRequestException.of(field, "problem.report.bar-required", String.join(", ", bars.keySet()))
                    : InvalidRequestException.of(field, "problem.report.unknown-bar", field, bar, String.join(", ", bars.keySet()));
        }
        return condition;
    }

    private static Map<String, String> ordered(String... keysAndConditions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndConditions.length; i += 2) {
            map.put(keysAndConditions[i], keysAndConditions[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
