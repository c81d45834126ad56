package org.relay.rewards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one referral earned its referrer for one outcome, and where that stands. Every change goes through a method
 * here and is written on the ledger ({@link RewardLedgerEntry}) by {@link RewardLedger}; the amounts never change.
 */
@Entity
public class Reward {

    @Id
    private Long id;

    private String reference;
    private Long referralId;
    private String referralReference;

    @Enumerated(EnumType.STRING)
    private RewardOutcome outcome;

    @Enumerated(EnumType.STRING)
    private RewardReferrerType referrerType;

    private String referrerId;
    private String referrerName;
    private String creditQueue;
    private String recordType;
    private String product;

    @Enumerated(EnumType.STRING)
    private ValueBand valueBand;

    private String customerKey;
    private int points;
    private BigDecimal amount;
    private String currency;
    private String ruleName;
    private boolean approvalRequired;
    private boolean heldForCap;

    @Enumerated(EnumType.STRING)
    private RewardStatus status;

    private Instant earnedAt;
    private Instant payableFrom;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionReason;
    private Instant paidAt;
    private Long payoutBatchId;
    private Instant reversedAt;
    private String reversalReason;

    @Column(name = "standing_key")
    private String standingKey;

    @Version
    private Long version;

    protected Reward() {
    }

    Reward(long id, Long referralId, String referralReference, RewardOutcome outcome,
           RewardReferrerType referrerType, String referrerId, String referrerName, String creditQueue,
           String recordType, String product, ValueBand valueBand, String customerKey, RewardRules.Result rule,
           Instant earnedAt, Instant payableFrom) {
        this.id = id;
        this.reference = String.format("RWD-%06d", id);
        this.referralId = referralId;
        this.referralReference = referralReference;
        this.outcome = outcome;
        this.referrerType = referrerType;
        this.referrerId = referrerId;
        this.referrerName = referrerName;
        this.creditQueue = creditQueue;
        this.recordType = recordType;
        this.product = product;
        this.valueBand = valueBand;
        this.customerKey = customerKey;
        this.points = rule.points();
        this.amount = rule.amount();
        this.currency = rule.currency();
        this.ruleName = rule.rule();
        this.approvalRequired = rule.approvalRequired();
        this.earnedAt = earnedAt;
        this.payableFrom = payableFrom;
        this.status = RewardStatus.PENDING_APPROVAL;
        this.standingKey = referralId + ":" + outcome;
    }

    void hold() {
        this.heldForCap = true;
        this.status = RewardStatus.HELD;
    }

    void approve(String by, String reason, Instant at) {
        decided(RewardStatus.APPROVED, by, reason, at);
    }

    void reject(String by, String reason, Instant at) {
        decided(RewardStatus.REJECTED, by, reason, at);
        this.standingKey = null;   // the referral may earn this outcome again (e.g. after a reopen)
    }

    void reverse(String reason, Instant at) {
        this.status = RewardStatus.REVERSED;
        this.reversedAt = at;
        this.reversalReason = reason;
        this.standingKey = null;
        if (paidAt == null) {
            this.payoutBatchId = null;   // out of an open batch: the payout must not carry it
        }
    }

    void inBatch(Long batchId) {
        this.payoutBatchId = batchId;
    }

    void paid(Instant at) {
        this.status = RewardStatus.PAID;
        this.paidAt = at;
    }

    /** The person is erased: the amounts stay, the name goes and the id becomes a placeholder. */
    void anonymise(String placeholder) {
        this.referrerName = null;
        this.referrerId = placeholder;
        this.customerKey = null;
    }

    void forgetCustomer() {
        this.customerKey = null;
    }

    private void decided(RewardStatus to, String by, String reason, Instant at) {
        this.status = to;
        this.decidedBy = by;
        this.decisionReason = reason;
        this.decidedAt = at;
    }

    public boolean isPayable(Instant now) {
        return status == RewardStatus.APPROVED && !payableFrom.isAfter(now);
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public Long getReferralId() { return referralId; }
    public String getReferralReference() { return referralReference; }
    public RewardOutcome getOutcome() { return outcome; }
    public RewardReferrerType getReferrerType() { return referrerType; }
    public String getReferrerId() { return referrerId; }
    public String getReferrerName() { return referrerName; }
    public String getCreditQueue() { return creditQueue; }
    public String getRecordType() { return recordType; }
    public String getProduct() { return product; }
    public ValueBand getValueBand() { return valueBand; }
    public String getCustomerKey() { return customerKey; }
    public int getPoints() { return points; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getRuleName() { return ruleName; }
    public boolean isApprovalRequired() { return approvalRequired; }
    public boolean isHeldForCap() { return heldForCap; }
    public RewardStatus getStatus() { return status; }
    public Instant getEarnedAt() { return earnedAt; }
    public Instant getPayableFrom() { return payableFrom; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionReason() { return decisionReason; }
    public Instant getPaidAt() { return paidAt; }
    public Long getPayoutBatchId() { return payoutBatchId; }
    public Instant getReversedAt() { return reversedAt; }
    public String getReversalReason() { return reversalReason; }
}
