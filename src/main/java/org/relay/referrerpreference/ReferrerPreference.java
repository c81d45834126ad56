package org.relay.referrerpreference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import org.relay.referral.ReferrerType;

import java.io.Serializable;
import java.time.Instant;

/** One referrer's choice of {@link ReferrerUpdateMode}; a referrer without a row hears about every turn. */
@Entity
@IdClass(ReferrerPreference.Key.class)
class ReferrerPreference {

    /** A referrer as referrals name them: type and id (a colleague's user id, an advocate's code). */
    static class Key implements Serializable {
        private ReferrerType referrerType;
        private String referrerId;

        Key() {
        }

        Key(ReferrerType referrerType, String referrerId) {
            this.referrerType = referrerType;
            this.referrerId = referrerId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.referrerType == referrerType
                    && java.util.Objects.equals(key.referrerId, referrerId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(referrerType, referrerId);
        }
    }

    @Id
    @Enumerated(EnumType.STRING)
    private ReferrerType referrerType;

    @Id
    private String referrerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferrerUpdateMode mode;

    @Column(nullable = false)
    private String updatedBy;

    @Column(nullable = false)
    private Instant updatedAt;

    protected ReferrerPreference() {
    }

    ReferrerPreference(ReferrerType referrerType, String referrerId) {
        this.referrerType = referrerType;
        this.referrerId = referrerId;
    }

    void choose(ReferrerUpdateMode mode, String by, Instant at) {
        this.mode = mode;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    ReferrerUpdateMode getMode() { return mode; }
    String getUpdatedBy() { return updatedBy; }
    Instant getUpdatedAt() { return updatedAt; }
}
