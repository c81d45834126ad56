package org.relay.standing;

import org.relay.activity.SharedActivities;
import org.relay.common.DirectoryNames;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogLabels;
import org.relay.i18n.Texts;
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
    private final CatalogLabels labels;
    private final Texts texts;

    ReferralStandings(StandingRepository repository, DirectoryNames names, Catalog catalog,
                      SharedActivities sharedActivities, CatalogLabels labels, Texts texts) {
        this.labels = labels;
        this.texts = texts;
        this.sharedActivities = sharedActivities;
        this.repository = repository;
        this.names = names;
        this.catalog = catalog;
    }

    /** The referrals this referrer sent, newest first ({@code page} from 0), worded in {@code language}. */
    public SentPage sentBy(ReferrerType type, String referrerId, int page, int size, Locale language) {
        Page<Referral> sent = repository.sentBy(type, referrerId,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        return new SentPage(of(sent.getContent(), language), sent.getTotalElements(), page, size);
    }

    /** What an advocate or partner sent under their code (as ADVOCATE or PARTNER), newest first. */
    public SentPage sentByExternal(String code, int page, int size, Locale language) {
        Page<Referral> sent = repository.sentByAny(List.of(ReferrerType.ADVOCATE, ReferrerType.PARTNER), code,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        return new SentPage(of(sent.getContent(), language), sent.getTotalElements(), page, size);
    }

    /** One referral this referrer sent, as a page of one (empty when they did not send it). */
    public SentPage sentBy(ReferrerType type, String referrerId, String referenceNumber, Locale language) {
        List<Referral> one = repository.sentBy(type, referrerId, referenceNumber);
        return new SentPage(of(one, language), one.size(), 0, 1);
    }

    public ReferralStanding of(Referral referral, Locale language) {
        return of(List.of(referral), language).get(0);
    }

    private List<ReferralStanding> of(List<Referral> referrals, Locale language) {
        if (referrals.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> opportunities = new HashMap<>();
        for (Object[] row : repository.opportunitiesOf(referrals.stream().map(Referral::getId).toList())) {
            opportunities.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, List<SharedActivities.Summary>> shared = sharedActivities.withReferrersOf(referrals);
        return referrals.stream().map(r -> standing(r, opportunities.get(r.getId()),
                shared.getOrDefault(r.getId(), List.of()), language)).toList();
    }

    private ReferralStanding standing(Referral r, Long opportunityId, List<SharedActivities.Summary> shared,
                                      Locale language) {
        String person = names.person(r.getOwnerId());
        String queue = names.queue(r.getQueueId());
        return new ReferralStanding(r.getReferenceNumber(), r.getCustomer().getName(), r.getExpressedInterest(),
                labels.product(r.getExpressedInterest(), language), r.getStatus(), statusText(r, language),
                new ReferralStanding.Holder(person, queue, holderText(person, queue, language),
                        names.firstName(r.getOwnerId())), r.getCreatedAt(),
                r.getLastActivityAt(), outcome(r, opportunityId, language), shared);
    }

    private String statusText(Referral r, Locale language) {
        String key = switch (r.getStatus()) {
            case NEW -> "new";
            case ASSIGNED -> r.getOwnerId() == null ? "assigned-queue" : "assigned";
            case ACCEPTED -> "accepted";
            case IN_PROGRESS -> "in-progress";
            case CONVERTED -> "converted";
            case CLOSED_LOST -> "closed-lost";
        };
        return texts.get("standing.status." + key, language);
    }

    private String holderText(String person, String queue, Locale language) {
        if (person != null) {
            return queue == null ? person : texts.get("standing.holder.person-in-queue", language, person, queue);
        }
        return queue == null ? texts.get("standing.holder.nobody", language) : texts.get("standing.holder.queue", language, queue);
    }

    private ReferralStanding.Outcome outcome(Referral r, Long opportunityId, Locale language) {
        return switch (r.getStatus()) {
            case CONVERTED -> new ReferralStanding.Outcome(opportunityId == null
                    ? texts.get("standing.status.converted", language)
                    : texts.get("standing.outcome.opportunity", language, opportunityId), r.getConvertedAt(), opportunityId);
            case CLOSED_LOST -> new ReferralStanding.Outcome(r.getCloseReason() == null
                    ? texts.get("standing.status.closed-lost", language)
                    : texts.get("standing.outcome.closed-lost", language, closeReasonLabel(r.getCloseReason(), language)),
                    r.getClosedAt(), null);
            default -> null;
        };
    }

    /** The catalog's words for the reason; a code the catalog does not list (DUPLICATE from a merge) from the bundles. */
    public String closeReasonLabel(String code, Locale language) {
        if (Catalog.contains(catalog.closeReasons(), code)) {
            return labels.label(CatalogLabels.Kind.CLOSE_REASON, code, language);
        }
        return textOr("standing.close-reason." + code, language, readable(code));
    }

    private String textOr(String key, Locale language, String fallback) {
        try {
            return texts.get(key, language);
        } catch (org.springframework.context.NoSuchMessageException unknown) {
            return fallback;
        }
    }

    private static String readable(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
