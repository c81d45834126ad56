package org.relay.rewards;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the reward ledger: what happened to a reward, who did it, why, when, and what the reward is worth. */
@Entity
public class RewardLedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long rewardId;

    @Enumerated(EnumType.STRING)
    private LedgerEntryType type;

    private String actor;
    private String reason;
    private int points;
    private BigDecimal amount;
    private String currency;
    private Instant occurredAt;

    protected RewardLedgerEntry() {
    }

    RewardLedgerEntry(Reward reward, LedgerEntryType type, String actor, String reason, Instant at) {
        this.rewardId = reward.getId();
        this.type = type;
        this.actor = actor;
        this.reason = reason;
        this.points = reward.getPoints();
        this.amount = reward.getAmount();
        this.currency = reward.getCurrency();
        this.occurredAt = at;
    }

    public Long getId() { return id; }
    public Long getRewardId() { return rewardId; }
    public LedgerEntryType getType() { return type; }
    public String getActor() { return actor; }
    public String getReason() { return reason; }
    public int getPoints() { return points; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public Instant getOccurredAt() { return occurredAt; }
}
