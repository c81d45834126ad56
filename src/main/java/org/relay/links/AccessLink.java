package org.relay.links;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** One issued link: the token's hash (never the token), what it opens, and its life. */
@Entity
public class AccessLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccessLinkPurpose purpose;

    @Column(nullable = false)
    private Long subjectId;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    private Instant revokedAt;

    private String revokedBy;

    protected AccessLink() {
    }

    AccessLink(String tokenHash, AccessLinkPurpose purpose, long subjectId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.subjectId = subjectId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Opens its subject at this moment: not revoked and not expired. */
    public boolean worksAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
        }
    }

    public Long getId() { return id; }
    public AccessLinkPurpose getPurpose() { return purpose; }
    public Long getSubjectId() { return subjectId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedBy() { return revokedBy; }
}
