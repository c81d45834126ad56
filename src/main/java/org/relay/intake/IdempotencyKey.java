package org.relay.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/** A client's Idempotency-Key and the referral its first request created. */
@Entity
class IdempotencyKey implements Persistable<String> {

    /** Always inserted, never merged: a concurrent second insert must fail on the primary key, not overwrite. */
    @Transient
    private boolean isNew = true;


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

    @Override
    public String getId() {
        return key;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.isNew = false;
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
