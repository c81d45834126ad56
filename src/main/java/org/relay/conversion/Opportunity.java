package org.relay.conversion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

    private Long accountId;

    private Long contactId;

    private LocalDate expectedCloseDate;

    /** Kept for attribution: who referred the business. */
    private String referrerType;

    private String referrerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OpportunityStatus status = OpportunityStatus.OPEN;

    private Instant closedAt;

    private String closeReason;

    private String closedBy;

    protected Opportunity() {
    }

    public Opportunity(Long referralId, String product, BigDecimal amount, String currency, String ownerId,
                       Instant createdAt, Long accountId, Long contactId, LocalDate expectedCloseDate,
                       String referrerType, String referrerId) {
        this.referralId = referralId;
        this.product = product;
        this.amount = amount;
        this.currency = currency;
        this.ownerId = ownerId;
        this.createdAt = createdAt;
        this.accountId = accountId;
        this.contactId = contactId;
        this.expectedCloseDate = expectedCloseDate;
        this.referrerType = referrerType;
        this.referrerId = referrerId;
    }

    public void close(OpportunityStatus outcome, String reason, String by, Instant at) {
        this.status = outcome;
        this.closeReason = reason;
        this.closedBy = by;
        this.closedAt = at;
    }

    public Long getId() { return id; }
    public Long getReferralId() { return referralId; }
    public String getProduct() { return product; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public String getOwnerId() { return ownerId; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getAccountId() { return accountId; }
    public Long getContactId() { return contactId; }
    public LocalDate getExpectedCloseDate() { return expectedCloseDate; }
    public String getReferrerType() { return referrerType; }
    public String getReferrerId() { return referrerId; }
    public OpportunityStatus getStatus() { return status; }
    public Instant getClosedAt() { return closedAt; }
    public String getCloseReason() { return closeReason; }
    public String getClosedBy() { return closedBy; }
}
