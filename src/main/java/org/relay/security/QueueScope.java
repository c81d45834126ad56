package org.relay.security;

import java.util.Set;

/**
 * The queues whose referrals a caller may see in lists and reports without being named on them: every queue
 * (administrators, compliance, a manager who manages them all), or these queues (those a manager manages). One
 * answer, from referral/ReferralAccess.managedQueues, for the open-referral lists and every report.
 */
public record QueueScope(boolean everything, Set<String> queues) {

    public static final QueueScope EVERYTHING = new QueueScope(true, Set.of());

    public QueueScope {
        queues = Set.copyOf(queues);
    }

    public static QueueScope of(Set<String> queues) {
        return new QueueScope(false, queues);
    }

    public boolean contains(String queueId) {
        return everything || (queueId != null && queues.contains(queueId));
    }

    public boolean containsAll(java.util.Collection<String> queueIds) {
        return everything || queues.containsAll(queueIds);
    }
}
