package org.relay.routing;

import org.relay.queue.RoutingProperties;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    Map<String, Load> of(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Recipient> profiles = profiles(userIds);
        Map<String, Long> open = new HashMap<>();
        for (Object[] row : referrals.countOpenByOwner(userIds)) {
            open.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Load> loads = new HashMap<>();
        for (String id : userIds) {
            Recipient profile = profiles.get(id);
            Instant lastAssigned = latest(profile == null ? null : profile.getLastAssignedAt(), assignedNow().get(id));
            loads.put(id, new Load(id, profile == null || profile.canBePicked(), open.getOrDefault(id, 0L),
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

    /**
     * Remember the assignment, so the next tie on workload goes to someone else. Routing in this transaction sees it
     * at once; the recipients' rows are written once, when it commits, in user-id order: an import batch routes dozens
     * of leads to the same few people, and two batches running side by side must neither deadlock on those rows nor
     * hold them locked from their first lead to their last.
     */
    void assigned(String userId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(new TreeMap<>(Map.of(userId, clock.instant())));
            return;
        }
        assignedNow().put(userId, clock.instant());
    }

    /** This transaction's assignments, by user; empty outside a transaction. */
    @SuppressWarnings("unchecked")
    private Map<String, Instant> assignedNow() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Map.of();
        }
        Map<String, Instant> assigned = (Map<String, Instant>) TransactionSynchronizationManager.getResource(this);
        if (assigned == null) {
            TreeMap<String, Instant> sorted = new TreeMap<>();
            TransactionSynchronizationManager.bindResource(this, sorted);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(sorted);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Workloads.this);
                }
            });
            assigned = sorted;
        }
        return assigned;
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
