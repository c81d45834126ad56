package org.relay.activity;

import org.relay.i18n.StoredSentence;
import org.relay.lifecycle.LifecycleTasks;
import org.relay.lifecycle.LifecycleVariables;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.RuntimeService;
import org.relay.common.ConflictException;
import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.relay.common.KnownUsers;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralLookup;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Records what was done on a referral. An activity recorded while the referral is being worked tells the process
 * (message "ReferralActivityRecorded"), which restarts the work step with a fresh no-activity timer.
 */
@Service
public class ActivityLog {

    static final String MESSAGE = "ReferralActivityRecorded";
    /** The message that restarts the work step with a fresh no-activity timer (Msg_ActivityRecorded). */
    public static final String ACTIVITY_RECORDED_MESSAGE = MESSAGE;
    static final String REFERRER = "referrer";
    /** recordedBy of what the customer wrote themselves (no Relay user has this id: ids are checked on creation). */
    public static final String CUSTOMER = "customer";
    private static final java.time.format.DateTimeFormatter LAST_ACTIVITY =
            java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ENGLISH);

    private final ActivityRepository activities;
    private final ReferralTimeline timeline;
    private final KnownUsers knownUsers;
    private final RuntimeService runtimeService;
    private final LifecycleTasks lifecycleTasks;
    private final Validator validator;
    private final Clock clock;
    private final ReferralLookup lookup;
    private final FirstContacts firstContacts;

    ActivityLog(ReferralLookup lookup, ActivityRepository activities, ReferralTimeline timeline, KnownUsers knownUsers,
                RuntimeService runtimeService, LifecycleTasks lifecycleTasks, Validator validator, Clock clock,
                FirstContacts firstContacts) {
        this.lookup = lookup;
        this.firstContacts = firstContacts;
        this.activities = activities;
        this.timeline = timeline;
        this.knownUsers = knownUsers;
        this.runtimeService = runtimeService;
        this.lifecycleTasks = lifecycleTasks;
        this.validator = validator;
        this.clock = clock;
    }

    /** From the REST API: checks everything, then tells the running work step. */
    @Transactional
    public Activity record(String referenceNumber, ActivityInput input) {
        Referral referral = lookup.requireForChange(referenceNumber);
        if (!referral.getStatus().isOpen()) {
            throw ConflictException.of("problem.activity.closed", referral.getReferenceNumber(),
                    referral.getStatus());
        }
        check(input);
        Activity activity = save(referral, input);
        boolean beingWorked = lifecycleTasks.open(referral.getProcessInstanceId(), LifecycleVariables.WORK_TASK)
                .isPresent();
        if (beingWorked) {
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(referral.getProcessInstanceId())
                    .correlate();
        }
        return activity;
    }

    /** From the Work referral form, whose completion itself restarts the work step. */
    public Activity recordFromWorkForm(Referral referral, ActivityInput input) {
        check(input);
        return save(referral, input);
    }

    private Activity save(Referral referral, ActivityInput input) {
        Instant now = clock.instant();
        Activity activity = activities.save(new Activity(referral.getId(), input.type(), input.subject().trim(),
                blankToNull(input.body()), input.occurredAt() != null ? input.occurredAt() : now,
                input.durationMinutes(), blankToNull(input.outcome()), input.done() == null || input.done(),
                input.sharedWith(), input.recordedBy(), now));
        referral.activityRecorded(now);
        firstContacts.activityRecorded(referral, activity);
        timeline.record(referral, ReferralEventType.ACTIVITY, input.recordedBy(), input.type().name(),
                StoredSentence.asWritten(input.subject()));
        return activity;
    }

    /**
     * A message the customer wrote on their status page. It is the customer's, not the owner's work: the referral's
     * stage and no-activity clock stay as they are. The lifecycle tells the owner (message "ReferralCustomerMessage").
     */
    public Activity recordCustomerMessage(Referral referral, String subject, String message) {
        Instant now = clock.instant();
        Activity activity = activities.save(new Activity(referral.getId(), ActivityType.CUSTOMER_MESSAGE, subject,
                message, now, null, null, true, null, CUSTOMER, now));
        timeline.record(referral, ReferralEventType.ACTIVITY, CUSTOMER, ActivityType.CUSTOMER_MESSAGE.name(),
                StoredSentence.asWritten(subject));
        return activity;
    }

    /**
     * A meeting the customer booked on their status page. Unlike a message it counts as contact made: the referral's
     * last activity moves (the no-activity clock and the status page's "in progress"), as a recorded activity does. The
     * caller tells the running work step (message {@link #ACTIVITY_RECORDED_MESSAGE}), as {@link #record} does.
     */
    public Activity recordMeetingBooked(Referral referral, String subject, String body, Instant meetingStarts,
                                        int durationMinutes, String recordedBy) {
        Instant now = clock.instant();
        Activity activity = activities.save(new Activity(referral.getId(), ActivityType.MEETING_BOOKED, subject, body,
                meetingStarts, durationMinutes, null, false, null, recordedBy, now));
        referral.activityRecorded(now);
        // the booking is the first contact if none came before it (the speed report's "first contact")
        firstContacts.activityRecorded(referral, activity);
        timeline.record(referral, ReferralEventType.ACTIVITY, recordedBy, ActivityType.MEETING_BOOKED.name(),
                StoredSentence.asWritten(subject));
        return activity;
    }

    /** The customer's messages on a referral, oldest first. */
    public List<Activity> customerMessages(Long referralId) {
        return activities.findByReferralIdAndTypeOrderByRecordedAtAscIdAsc(referralId, ActivityType.CUSTOMER_MESSAGE);
    }

    private void check(ActivityInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.type() == ActivityType.CUSTOMER_MESSAGE) {
            problems.add(FieldProblem.of("type", "problem.activity.customer-message"));
        }
        if (input.type() == ActivityType.MEETING_BOOKED) {
            problems.add(FieldProblem.of("type", "problem.activity.meeting-booked"));
        }
        for (ConstraintViolation<ActivityInput> violation : validator.validate(input)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (input.recordedBy() != null && !input.recordedBy().isBlank() && !knownUsers.exists(input.recordedBy())) {
            problems.add(knownUsers.problem(input.recordedBy(), "recordedBy"));
        }
        if (input.sharedWith() != null) {
            for (String reader : input.sharedWith()) {
                if (reader != null && !REFERRER.equals(reader) && !knownUsers.exists(reader)) {
                    problems.add(FieldProblem.of("sharedWith", "problem.activity.shared-with", reader));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The newest activity in a line, as Tasklist's list shows it beside the referral ("Call, 7 Dec 14:05 UTC: …"). */
    public String lastActivityLine(Long referralId) {
        return activities.findFirstByReferralIdOrderByRecordedAtDescIdDesc(referralId)
                .map(last -> last.getType().name().charAt(0) + last.getType().name().substring(1).toLowerCase() + ", "
                        + LAST_ACTIVITY.format(last.getRecordedAt().atZone(java.time.ZoneOffset.UTC)) + " UTC: "
                        + last.getSubject())
                .orElse(null);
    }
}
