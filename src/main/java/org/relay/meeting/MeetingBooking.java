package org.relay.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * A meeting a customer booked with a referral's owner. Its {@code uid} stays the same for the booking's life (the
 * calendar invitation's UID), its sequence grows when it is cancelled (the invitation's SEQUENCE). While it stands,
 * {@code activeStart} and {@code activeReferralId} are set: the database keeps one standing meeting per owner and start
 * time, and one per referral (V26).
 */
@Entity
public class MeetingBooking {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String uid;

    @Column(nullable = false)
    private Long referralId;

    @Column(nullable = false)
    private String ownerId;

    @Column(nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private Instant endsAt;

    @Column(name = "sequence_no", nullable = false)
    private int sequence;

    @Column(nullable = false)
    private Instant bookedAt;

    @Column(nullable = false)
    private String bookedBy;

    private Instant cancelledAt;

    private String cancelledBy;

    private Instant activeStart;

    private Long activeReferralId;

    protected MeetingBooking() {
    }

    MeetingBooking(String uid, long referralId, String ownerId, Instant startsAt, Instant endsAt, String bookedBy,
                   Instant bookedAt) {
        this.uid = uid;
        this.referralId = referralId;
        this.ownerId = ownerId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.bookedBy = bookedBy;
        this.bookedAt = bookedAt;
        this.activeStart = startsAt;
        this.activeReferralId = referralId;
    }

    /** Cancelled by the customer or staff: the slot is free again and the invitation's next version cancels it. */
    void cancel(String by, Instant at) {
        if (cancelledAt == null) {
            cancelledAt = at;
            cancelledBy = by;
            activeStart = null;
            activeReferralId = null;
            sequence++;
        }
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public Long getId() { return id; }
    public String getUid() { return uid; }
    public Long getReferralId() { return referralId; }
    public String getOwnerId() { return ownerId; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public int getSequence() { return sequence; }
    public Instant getBookedAt() { return bookedAt; }
    public String getBookedBy() { return bookedBy; }
    public Instant getCancelledAt() { return cancelledAt; }
    public String getCancelledBy() { return cancelledBy; }
}
