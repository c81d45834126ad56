package org.relay.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A start time the owner offered the customer of one referral (the Work form's "Offer meeting times"). */
@Entity
class MeetingOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long referralId;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private String offeredBy;

    @Column(nullable = false)
    private Instant offeredAt;

    protected MeetingOffer() {
    }

    MeetingOffer(long referralId, Instant startsAt, String offeredBy, Instant offeredAt) {
        this.referralId = referralId;
        this.startsAt = startsAt;
        this.offeredBy = offeredBy;
        this.offeredAt = offeredAt;
    }

    Instant getStartsAt() { return startsAt; }
}
