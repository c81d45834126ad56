package org.relay.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A call, email, meeting or note regarding a referral: done or planned, possibly shared with the referrer. */
@Entity
public class Activity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityType type;

    @Column(nullable = false)
    private String subject;

    private String body;

    @Column(nullable = false)
    private Instant occurredAt;

    private Integer durationMinutes;

    private String outcome;

    private boolean done;

    /** Comma-separated user ids, and/or "referrer": who besides the team may read it. */
    private String sharedWith;

    @Column(nullable = false)
    private String recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected Activity() {
    }

    public Activity(Long referralId, ActivityType type, String subject, String body, Instant occurredAt,
                    Integer durationMinutes, String outcome, boolean done, List<String> sharedWith,
                    String recordedBy, Instant recordedAt) {
        this.referralId = referralId;
        this.type = type;
        this.subject = subject;
        this.body = body;
        this.occurredAt = occurredAt;
        this.durationMinutes = durationMinutes;
        this.outcome = outcome;
        this.done = done;
        this.sharedWith = sharedWith == null || sharedWith.isEmpty() ? null : String.join(",", sharedWith);
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public List<String> sharedWith() {
        return sharedWith == null ? List.of() : Arrays.asList(sharedWith.split(","));
    }

    public Long getId() { return id; }
    public Long getReferralId() { return referralId; }
    public ActivityType getType() { return type; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Instant getOccurredAt() { return occurredAt; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public String getOutcome() { return outcome; }
    public boolean isDone() { return done; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
