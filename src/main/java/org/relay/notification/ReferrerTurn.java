package org.relay.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferrerType;

import java.time.Instant;

/**
 * A turn of a referral its referrer is to hear about (the outbox): written in the transaction that recorded the
 * turn, told by its own mail ({@link Delivery#NOW}) or the next morning's digest ({@link Delivery#DIGEST}).
 */
@Entity
class ReferrerTurn {

    enum Delivery { NOW, DIGEST }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long referralId;

    /** The timeline entry (referral_event) this turn is. */
    @Column(nullable = false)
    private Long eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralEventType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferrerType referrerType;

    @Column(nullable = false)
    private String referrerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Delivery delivery;

    @Column(nullable = false)
    private Instant occurredAt;

    /** When the referrer was told (or found unreachable); null while waiting. */
    private Instant toldAt;

    protected ReferrerTurn() {
    }

    ReferrerTurn(Long referralId, Long eventId, ReferralEventType type, ReferrerType referrerType, String referrerId,
                 Delivery delivery, Instant occurredAt) {
        this.referralId = referralId;
        this.eventId = eventId;
        this.type = type;
        this.referrerType = referrerType;
        this.referrerId = referrerId;
        this.delivery = delivery;
        this.occurredAt = occurredAt;
    }

    void told(Instant at) {
        this.toldAt = at;
    }

    Long getId() { return id; }
    Long getReferralId() { return referralId; }
    Long getEventId() { return eventId; }
    ReferralEventType getType() { return type; }
    ReferrerType getReferrerType() { return referrerType; }
    String getReferrerId() { return referrerId; }
    Delivery getDelivery() { return delivery; }
    Instant getOccurredAt() { return occurredAt; }
    Instant getToldAt() { return toldAt; }
}
