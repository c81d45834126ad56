package org.relay.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/** A client's Idempotency-Key and the referral its first request created. */
@Entity
class IdempotencyKey {

    @Id
    @Column(name = "idem_key")
    private String key;

    @Column(nullable = false)
    private String requestHash;

    @Column(nullable = false)
    private Long referralId;

    @Column(nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {
    }

    IdempotencyKey(String key, String requestHash, Long referralId, Instant createdAt) {
        this.key = key;
        this.requestHash = requestHash;
        this.referralId = referralId;
        this.createdAt = createdAt;
    }

    String getRequestHash() { return requestHash; }
    Long getReferralId() { return referralId; }
}
