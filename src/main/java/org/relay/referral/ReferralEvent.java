package org.relay.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** One entry of a referral's timeline: who did what, why, and when. */
@Entity
public class ReferralEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralEventType type;

    private String actor;

    private String reason;

    private String detail;

    @Column(nullable = false)
    private Instant occurredAt;

    protected ReferralEvent() {
    }

    public ReferralEvent(Long referralId, ReferralEventType type, String actor, String reason, String detail,
                         Instant occurredAt) {
        this.referralId = referralId;
        this.type = type;
        this.actor = actor;
        this.reason = reason;
        this.detail = detail;
        this.occurredAt = occurredAt;
    }

    public Long getId() { return id; }
    public Long getReferralId() { return referralId; }
    public ReferralEventType getType() { return type; }
    public String getActor() { return actor; }
    public String getReason() { return reason; }
    public String getDetail() { return detail; }
    public Instant getOccurredAt() { return occurredAt; }
}
