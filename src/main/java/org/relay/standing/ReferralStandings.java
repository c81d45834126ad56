package org.relay.standing;

import org.relay.common.DirectoryNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.relay.catalog.Catalog;
import org.relay.referral.Referral;
import org.relay.referral.ReferrerType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds {@link ReferralStanding}s: a referrer's referrals, newest first, or one referral as its decider leaves it.
 * People and queues are looked up once per page, by name. Callers check access; this class only words the facts.
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
    private final IdentityService identityService;
    private final Catalog catalog;

    ReferralStandings(StandingRepository repository, IdentityService identityService, Catalog catalog) {
        this.repository = repository;
        this.identityService = identityService;
        this.catalog = catalog;
    }

    /** The referrals this referrer sent, newest first ({@code page} from 0). */
    public SentPage sentBy(ReferrerType type, String referrerId, int page, int size) {
        Page<Referral> sent = repository.sentBy(type, referrerId,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        return new SentPage(of(sent.getContent()), sent.getTotalElements(), page, size);
    }

    public ReferralStanding of(Referral referral) {
        return of(List.of(referral)).get(0);
    }

    private List<ReferralStanding> of(List<Referral> referrals) {
        if (referrals.isEmpty()) {
            return List.of();
        }
        Map<String, String> people = namesOfPeople(referrals.stream().map(Referral::getOwnerId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<String, String> queues = namesOfQueues(referrals.stream().map(Referral::getQueueId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, Long> opportunities = new HashMap<>();
        for (Object[] row : repository.opportunitiesOf(referrals.stream().map(Referral::getId).toList())) {
            opportunities.put((Long) row[0], (Long) row[1]);
        }
        return referrals.stream().map(r -> standing(r, people, queues, opportunities.get(r.getId()))).toList();
    }

    private ReferralStanding standing(Referral r, Map<String, String> people, Map<String, String> queues,
                                      Long opportunityId) {
        String person = r.getOwnerId() == null ? null : people.getOrDefault(r.getOwnerId(), r.getOwnerId());
        String queue = r.getQueueId() == null ? null : queues.getOrDefault(r.getQueueId(), r.getQueueId());
        return new ReferralStanding(r.getReferenceNumber(), r.getCustomer().getName(), r.getExpressedInterest(),
                catalog.productLabel(r.getExpressedInterest()), r.getStatus(), statusText(r),
                new ReferralStanding.Holder(person, queue, holderText(person, queue)), r.getCreatedAt(),
                r.getLastActivityAt(), outcome(r, opportunityId));
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
    private String closeReasonLabel(String code) {
        return Catalog.labelOf(catalog.closeReasons(), code).orElseGet(() -> {
            String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        });
    }

    private Map<String, String> namesOfPeople(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return identityService.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(User::getId, DirectoryNames::of, (a, b) -> a));
    }

    private Map<String, String> namesOfQueues(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return identityService.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName(), (a, b) -> a));
    }
}
