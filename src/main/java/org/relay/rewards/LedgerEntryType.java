package org.relay.rewards;

/** One change on the reward ledger. */
public enum LedgerEntryType {
    EARNED,
    HELD,
    APPROVED,
    REJECTED,
    REVERSED,
    PAID
}
