package org.relay.rewards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A reward as the API shows it: what it is worth, where it stands, the checks' findings and its ledger lines. */
public record RewardView(String reference, String referral, String outcome, String referrerType, String referrerId,
                         String referrerName, String creditQueue, String recordType, String product, String valueBand,
                         int points, BigDecimal amount, String currency, String rule, boolean approvalRequired,
                         boolean heldForCap, String status, boolean payable, Instant earnedAt, Instant payableFrom,
                         String decidedBy, Instant decidedAt, String decisionReason, String payoutBatch, Instant paidAt,
                         Instant reversedAt, String reversalReason, List<Finding> findings, List<Entry> ledger) {

    /** A gaming check's finding, in words (the caller's language) and by code. */
    public record Finding(String code, String fact, String text) {
    }

    public record Entry(String type, String actor, String reason, int points, BigDecimal amount, String currency,
                        Instant at) {
    }
}
