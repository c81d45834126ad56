package org.relay.rewards;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** Payable rewards exported together (CSV); confirming the batch marks them paid, once. */
@Entity
@Table(name = "reward_payout_batch")
public class PayoutBatch {

    public enum Status { OPEN, CONFIRMED, CANCELLED }

    @Id
    private Long id;

    private String reference;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private RewardReferrerType referrerType;

    private String createdBy;
    private Instant createdAt;
    private String confirmedBy;
    private Instant confirmedAt;

    @Version
    private Long version;

    protected PayoutBatch() {
    }

    PayoutBatch(long id, RewardReferrerType referrerType, String createdBy, Instant createdAt) {
        this.id = id;
        this.reference = String.format("PAY-%06d", id);
        this.status = Status.OPEN;
        this.referrerType = referrerType;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void confirmed(String by, Instant at) {
        this.status = Status.CONFIRMED;
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    void cancelled(String by, Instant at) {
        this.status = Status.CANCELLED;
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public Status getStatus() { return status; }
    public RewardReferrerType getReferrerType() { return referrerType; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
}
