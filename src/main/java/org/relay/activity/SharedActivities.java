package org.relay.activity;

import org.relay.referral.Referral;
import org.relay.referral.ReferrerType;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The activities an owner shared with a referral's referrer ({@code sharedWith} "referrer", or the referring
 * colleague's own user id): what the referrer's mails and "Referrals I sent" show of the work, never anything else.
 */
@Component
public class SharedActivities {

    /**
     * What a referrer reads of one activity: when, what kind, its subject and result — not its notes. {@code type} is
     * the code (pages and mails word it in the reader's language, {@code activity.type.*}); {@code typeLabel} its
     * English label, as the API has always given it.
     */
    public record Summary(Instant occurredAt, String typeLabel, String subject, String result, Instant recordedAt,
                          String type) {
    }

    private final ActivityRepository activities;

    SharedActivities(ActivityRepository activities) {
        this.activities = activities;
    }

    /** Per referral id, the activities shared with its referrer, oldest first (one query for the lot). */
    public Map<Long, List<Summary>> withReferrersOf(Collection<Referral> referrals) {
        if (referrals.isEmpty()) {
            return Map.of();
        }
        Map<Long, Referral> byId = referrals.stream()
                .collect(Collectors.toMap(Referral::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<Long, List<Summary>> shared = new LinkedHashMap<>();
        activities.findSharedAmong(byId.keySet()).stream()
                .filter(a -> sharedWithReferrer(a, byId.get(a.getReferralId())))
                .sorted(Comparator.comparing(Activity::getOccurredAt).thenComparing(Activity::getId))
                .forEach(a -> shared.computeIfAbsent(a.getReferralId(), id -> new java.util.ArrayList<>()).add(summary(a)));
        return shared;
    }

    /** The referral's shared activities recorded after {@code since} (null: from the start) up to {@code until}. */
    public List<Summary> withReferrerOf(Referral referral, Instant since, Instant until) {
        return withReferrersOf(List.of(referral)).getOrDefault(referral.getId(), List.of()).stream()
                .filter(s -> since == null || s.recordedAt().isAfter(since))
                .filter(s -> !s.recordedAt().isAfter(until)).toList();
    }

    static boolean sharedWithReferrer(Activity activity, Referral referral) {
        List<String> readers = activity.sharedWith();
        if (readers.contains(ActivityLog.REFERRER)) {
            return true;
        }
        return referral != null && referral.getReferrer().getType() == ReferrerType.INTERNAL_USER
                && readers.contains(Objects.requireNonNullElse(referral.getReferrer().getId(), ""));
    }

    private static Summary summary(Activity a) {
        String type = a.getType().name();
        return new Summary(a.getOccurredAt(), type.charAt(0) + type.substring(1).toLowerCase(java.util.Locale.ROOT),
                a.getSubject(), a.getOutcome(), a.getRecordedAt(), type);
    }
}
