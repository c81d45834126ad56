package org.relay.activity;

import org.relay.common.DirectoryNames;
import org.relay.common.ReadOnly;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.security.Caller;
import org.relay.referral.ReferralAccess;
import org.relay.security.Callers;
import org.relay.referral.Referral;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Activities regarding a referral. */
@RestController
class ActivityController {

    record ActivityView(Long id, ActivityType type, String subject, String body, Instant occurredAt,
                        Integer durationMinutes, String outcome, boolean done, List<String> sharedWith,
                        String recordedBy, Instant recordedAt, String recordedByName) {

        static ActivityView of(Activity a, DirectoryNames names) {
            return new ActivityView(a.getId(), a.getType(), a.getSubject(), a.getBody(), a.getOccurredAt(),
                    a.getDurationMinutes(), a.getOutcome(), a.isDone(), a.sharedWith(), a.getRecordedBy(),
                    a.getRecordedAt(), names.person(a.getRecordedBy()));
        }
    }

    private final ActivityLog log;
    private final ActivityRepository activities;
    private final DirectoryNames names;

    private final ReferralAccess access;
    private final Callers callers;
    private final AuditTrail audit;

    private final ReadOnly readOnly;

    ActivityController(ActivityLog log, ActivityRepository activities, ReferralAccess access,
                       Callers callers, AuditTrail audit, ReadOnly readOnly, DirectoryNames names) {
        this.names = names;
        this.readOnly = readOnly;
        this.access = access;
        this.callers = callers;
        this.audit = audit;
        this.log = log;
        this.activities = activities;
    }

    @PostMapping("/api/referrals/{referenceNumber}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    ActivityView record(@PathVariable String referenceNumber, @RequestBody ActivityInput input) {
        access.actionable(referenceNumber, callers.actingAs(input.recordedBy(), "recordedBy"));
        ActivityView recorded = ActivityView.of(log.record(referenceNumber, input), names);
        audit.referral(AuditAction.CHANGED, referenceNumber, "activity recorded");
        return recorded;
    }

    /**
     * All activities, or (with {@code sharedWith}) only those shared with that user — an activity shared with
     * "referrer" is shared with the referral's referrer's user id too, so {@code ?sharedWith=ryan} finds it when Ryan
     * referred it (and {@code ?sharedWith=referrer} finds those shared with "referrer"). Someone who sees the referral
     * only as its referrer or creator reads only what is shared with them.
     */
    @GetMapping("/api/referrals/{referenceNumber}/activities")
    List<ActivityView> list(@PathVariable String referenceNumber, @RequestParam(required = false) String sharedWith) {
        Referral referral = access.visible(referenceNumber);
        Caller caller = callers.current();
        boolean all = access.seesAllOf(caller, referral);
        List<ActivityView> listed = readOnly.read(() -> activities.findByReferralIdOrderByOccurredAtAscIdAsc(referral.getId())
                .stream()
                .filter(a -> all || readers(a, referral).contains(caller.userId()))
                .filter(a -> sharedWith == null || readers(a, referral).contains(sharedWith.trim()))
                .map(a -> ActivityView.of(a, names))
                .toList());
        audit.referral(AuditAction.VIEWED, referenceNumber, "activities");
        return listed;
    }

    /** Who an activity is shared with: as recorded, plus the referrer's user id where it says "referrer". */
    private static Set<String> readers(Activity activity, Referral referral) {
        Set<String> readers = new HashSet<>(activity.sharedWith());
        if (readers.contains(ActivityLog.REFERRER) && referral.getReferrer() != null && referral.getReferrer().getId() != null) {
            readers.add(referral.getReferrer().getId());
        }
        return readers;
    }
}
