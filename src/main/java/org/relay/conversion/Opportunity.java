package org.relay.conversion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;

/** The business a converted referral became; keeps its source referral for attribution. */
@Entity
public class Opportunity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private Long referralId;

    @Column(nullable = false)
    private String product;

    private BigDecimal amount;

    private String currency;

    @Column(nullable = false)
    private String ownerId;

    @Column(nullable = false)
    private Instant createdAt;

    protected Opportunity() {
    }

    public Opportunity(Long referralId, String product, BigDecimal amount, String currency, String ownerId,
                       Instant createdAt) {
        this.referralId = referralId;
        this.product = product;
        this.amount = amount;
        this.currency = currency;
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getReferralId() { return referralId; }
    public String getProduct() { return product; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getOwnerId() { return ownerId; }
    public Instant getCreatedAt() { return createdAt; }
}
