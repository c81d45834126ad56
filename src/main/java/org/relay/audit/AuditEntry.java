package org.relay.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    @Column(name = "referral_number")
    private String referralNumber;

    private String subject;
    private String detail;
    private String purpose;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, AuditAction action, String referralNumber, String subject,
               String detail, String purpose) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.referralNumber = referralNumber;
        this.subject = clip(subject, 200);
        this.detail = clip(detail, 1000);
        this.purpose = clip(purpose, 500);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public AuditAction getAction() { return action; }
    public String getReferralNumber() { return referralNumber; }
    public String getSubject() { return subject; }
    public String getDetail() { return detail; }
    public String getPurpose() { return purpose; }
}
