package org.relay.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** One mail that went out: event key (e.g. assigned:&lt;taskId&gt;) and recipient are unique together. */
@Entity
class NotificationSent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null for mails about no single referral (the daily digest). */
    private Long referralId;

    @Column(nullable = false)
    private String eventKey;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private Instant sentAt;

    protected NotificationSent() {
    }

    NotificationSent(Long referralId, String eventKey, String recipient, String subject, Instant sentAt) {
        this.referralId = referralId;
        this.eventKey = eventKey;
        this.recipient = recipient;
        this.subject = subject;
        this.sentAt = sentAt;
    }

    public String getEventKey() { return eventKey; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public Instant getSentAt() { return sentAt; }
}
