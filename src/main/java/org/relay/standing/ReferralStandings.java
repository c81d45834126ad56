package org.relay.standing;

import org.relay.activity.SharedActivities;
import org.relay.common.DirectoryNames;
import org.relay.catalog.Catalog;
import org.relay.referral.Referral;
import org.relay.referral.ReferrerType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@link ReferralStanding}s: a referrer's referrals, newest first, or one referral as its decider leaves it.
 * People and queues by their names (DirectoryNames). Callers check access; this class only words the facts.
 */
@Component
public class ReferralStandings {

    /** One page of what a referrer sent, and how many they sent in all. */
    public record SentPage(List<ReferralStanding> standings, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final StandingRepository repository;
    private final DirectoryNames names;
    private final Catalog catalog;
    private final SharedActivities sharedActivities;

    ReferralStandings(StandingRepository repository, DirectoryNames names, Catalog catalog,
                      SharedActivities sharedActivities) {
        this.sharedActivities = sharedActivities;
        this.repository = repository;
        this.names = names;
        this.catalog = catalog;
    }

    /** The referrals this referrer sent, newest first ({@code page} from 0). */
    public SentPage sentBy(ReferrerType type, String referrerId, int page, int size) {
        Page<Referral> sent = repository.sentBy(type, referrerId,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        return new SentPage(of(sent.getContent()), sent.getTotalElements(), page, size);
    }

    /** What an advocate or partner sent under their code (as ADVOCATE or PARTNER), newest first. */
    public SentPage sentByExternal(String code, int page, int size) {
        Page<Referral> sent = repository.sentByAny(List.of(ReferrerType.ADVOCATE, ReferrerType.PARTNER), code,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        return new SentPage(of(sent.getContent()), sent.getTotalElements(), page, size);
    }

    /** One referral this referrer sent, as a page of one (empty when they did not send it). */
    public SentPage sentBy(ReferrerType type, String referrerId, String referenceNumber) {
        List<Referral> one = repository.sentBy(type, referrerId, referenceNumber);
        return new SentPage(of(one), one.size(), 0, 1);
    }

    public ReferralStanding of(Referral referral) {
        return of(List.of(referral)).get(0);
    }

    private List<ReferralStanding> of(List<Referral> referrals) {
        if (referrals.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> opportunities = new HashMap<>();
        for (Object[] row : repository.opportunitiesOf(referrals.stream().map(Referral::getId).toList())) {
            opportunities.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, List<SharedActivities.Summary>> shared = sharedActivities.withReferrersOf(referrals);
        return referrals.stream().map(r -> standing(r, opportunities.get(r.getId()),
                shared.getOrDefault(r.getId(), List.of()))).toList();
    }

    private ReferralStanding standing(Referral r, Long opportunityId, List<SharedActivities.Summary> shared) {
        String person = names.person(r.getOwnerId());
        String queue = names.queue(r.getQueueId());
        return new ReferralStanding(r.getReferenceNumber(), r.getCustomer().getName(), r.getExpressedInterest(),
                catalog.productLabel(r.getExpressedInterest()), r.getStatus(), statusText(r),
                new ReferralStanding.Holder(person, queue, holderText(person, queue), names.firstName(r.getOwnerId())), r.getCreatedAt(),
                r.getLastActivityAt(), outcome(r, opportunityId), shared);
    }

    private static String statusText(Referral r) {
        return switch (r.getStatus()) {
            case NEW -> "Received, being routed";
            case ASSIGNED -> r.getOwnerId() == null ? "Waiting in the queue for someone to take it" : "Waiting to be accepted";
            case ACCEPTED -> "Accepted";
            case IN_PROGRESS -> "Being worked on";
            case CONVERTED -> "Converted";
            case CLOSED_LOST -> "Closed as lost";
        };
    }

    private static String holderText(String person, String queue) {
        if (person != null) {
            return queue == null ? person : person + " (" + queue + ")";
        }
        return queue == null ? "Nobody yet" : "the " + queue + " queue";
    }

    private ReferralStanding.Outcome outcome(Referral r, Long opportunityId) {
        return switch (r.getStatus()) {
            case CONVERTED -> new ReferralStanding.Outcome(opportunityId == null ? "Converted"
                    : "Converted into opportunity " + opportunityId, r.getConvertedAt(), opportunityId);
            case CLOSED_LOST -> new ReferralStanding.Outcome("Closed as lost" + (r.getCloseReason() == null ? ""
                    : ": " + closeReasonLabel(r.getCloseReason())), r.getClosedAt(), null);
            default -> null;
        };
    }

    /** The catalog's words for the reason; a code the catalog does not list (DUPLICATE from a merge) made readable. */
    public String closeReasonLabel(String code) {
        return Catalog.labelOf(catalog.closeReasons(), code).orElseGet(() -> {
            String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        });
    }
}
