package org.relay.routing;

import org.relay.queue.RoutingProperties;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.relay.referral.ReferralRepository;
import org.relay.common.TransactionScoped;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who can take a referral now: presence, activity, open referrals against capacity. */
@Component
class Workloads {

    record Load(String userId, boolean pickable, long open, int capacity, java.time.Instant lastAssignedAt) {

        boolean hasRoom() {
            return pickable && open < capacity;
        }
    }

    private final RecipientRepository recipients;
    private final EntityManager entityManager;
    private final ReferralRepository referrals;
    private final RoutingProperties properties;
    private final Clock clock;

    Workloads(RecipientRepository recipients, EntityManager entityManager, ReferralRepository referrals,
              RoutingProperties properties, Clock clock) {
        this.recipients = recipients;
        this.entityManager = entityManager;
        this.referrals = referrals;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What routing knows of its recipients in one transaction: their profiles and open referrals, read once per
     * recipient and counted forward with each assignment made here; and those assignments, written once per recipient
     * when the transaction commits, in user-id order. An import batch routes dozens of leads to the same few people:
     * it asks the database once per person instead of once per lead, and two batches running side by side neither
     * deadlock on the recipients' rows nor hold them locked from their first lead to their last.
     */
    private static final class InThisTransaction {
        final Map<String, Optional<Recipient>> profiles = new HashMap<>();
        final Map<String, Long> open = new HashMap<>();
        final TreeMap<String, Instant> assigned = new TreeMap<>();
    }

    private InThisTransaction state() {
        return TransactionScoped.get(this, InThisTransaction::new, state -> write(state.assigned));
    }

    Map<String, Load> of(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        InThisTransaction state = state();
        List<String> unknown = userIds.stream().filter(id -> !state.profiles.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            Map<String, Recipient> loaded = profiles(unknown);
            unknown.forEach(id -> {
                state.profiles.put(id, Optional.ofNullable(loaded.get(id)));
                state.open.put(id, 0L);
            });
            for (Object[] row : referrals.countOpenByOwner(unknown)) {
                state.open.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        Map<String, Load> loads = new HashMap<>();
        for (String id : userIds) {
            Recipient profile = state.profiles.get(id).orElse(null);
            Instant lastAssigned = latest(profile == null ? null : profile.getLastAssignedAt(), state.assigned.get(id));
            loads.put(id, new Load(id, profile == null || profile.canBePicked(), state.open.get(id),
                    profile == null || profile.getCapacity() == null ? properties.defaultCapacity() : profile.getCapacity(),
                    lastAssigned));
        }
        return loads;
    }

    /**
     * The recipients' profiles (those who have one) by Hibernate's multi-id load, whose SQL is built once: a query with
     * the ids as a list parameter is translated again on every call (3 % of a referral's creation).
     */
    private Map<String, Recipient> profiles(Collection<String> userIds) {
        return entityManager.unwrap(Session.class).byMultipleIds(Recipient.class).multiLoad(List.copyOf(userIds))
                .stream().filter(Objects::nonNull)
                .collect(Collectors.toMap(Recipient::getUserId, Function.identity()));
    }

    Load of(String userId) {
        return of(List.of(userId)).get(userId);
    }

    /** Remember the assignment, so the next tie on workload goes to someone else. */
    void assigned(String userId) {
        if (!TransactionScoped.active()) {
            Recipient recipient = recipients.findById(userId).orElseGet(() -> new Recipient(userId));
            recipient.assigned(clock.instant());
            recipients.save(recipient);
            return;
        }
        InThisTransaction state = state();
        state.assigned.put(userId, clock.instant());
        state.open.computeIfPresent(userId, (id, open) -> open + 1);
    }

    private void write(TreeMap<String, Instant> assigned) {
        assigned.forEach((userId, at) -> {
            int updated = entityManager.createQuery("update Recipient r set r.lastAssignedAt = :at where r.userId = :userId")
                    .setParameter("at", at).setParameter("userId", userId).executeUpdate();
            if (updated == 0) {
                Recipient recipient = new Recipient(userId);
                recipient.assigned(at);
                recipients.save(recipient);
            }
        });
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
