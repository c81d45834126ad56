package org.relay.rewards;

/**
 * Where a reward stands. PENDING_APPROVAL and HELD wait for a manager (findings, a rule that asks for approval, a cap
 * reached); APPROVED counts and becomes payable after the review period; PAID left Relay in a confirmed payout batch.
 */
public enum RewardStatus {
    PENDING_APPROVAL,
    HELD,
    APPROVED,
    REJECTED,
    REVERSED,
    PAID;

    boolean awaitsManager() {
        return this == PENDING_APPROVAL || this == HELD;
    }

    /** Counted against the referrer's cap: what they have been or will be given. */
    boolean countsTowardsCap() {
        return this == PENDING_APPROVAL || this == APPROVED || this == PAID;
    }
}
