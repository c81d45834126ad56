package org.relay.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The record of truth for a lead or referral. The process instance (business key = reference number) drives it
 * through its stages; this row holds the data and a timestamp per stage.
 */
@Entity
public class Referral {

    /** From the referral_seq sequence, taken before insert so the reference number is part of the first write. */
    @Id
    private Long id;

    @Column(nullable = false, unique = true)
    private String referenceNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralKind kind;

    @Column(nullable = false)
    private String recordType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status;

    @Embedded
    private Customer customer;

    @Column(nullable = false)
    private String expressedInterest;

    private BigDecimal interestAmount;

    private String interestCurrency;

    @Column(nullable = false)
    private String sourceChannel;

    @Embedded
    private Referrer referrer;

    private String notes;

    private Integer leadScore;

    /** The factors behind the lead score, strongest first, as people read them ("existing customer +15, ..."). */
    private String leadScoreFactors;

    /** The marketing campaign a lead came from (a code such as "spring-mortgage-2026"), for "where the best leads come from". */
    private String campaign;

    /** "prior" or the trained model's name ("lr-3"). */
    private String leadScoreModel;

    /** The referrer's score when this referral was scored: a model input that never looks ahead in time. */
    private Integer referrerScoreAtIntake;

    /** The Camunda task priority last given to this referral's tasks (scoring.TaskPriority). */
    private Integer taskPriority;

    private String ownerId;

    private String queueId;

    private String routingReason;

    /** Which kind of routing decision placed it here (a RoutingBasis name), for reports. */
    private String routingBasis;

    /** When the current recipient must have accepted or rejected it (the SLA breach; the review task's due date). */
    private Instant reviewDueAt;

    /** Set when it sat unclaimed in a queue past the SLA warning time. */
    private Instant overdueAt;

    private String closeReason;

    private String closeNote;

    private String processInstanceId;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant assignedAt;
    private Instant acceptedAt;
    private Instant inProgressAt;
    private Instant convertedAt;
    private Instant closedAt;
    private Instant reopenedAt;
    private Instant lastActivityAt;

    /** The first contact with the customer (activity.FirstContacts): when, the owner then, within a business day. */
    private Instant firstContactAt;
    private String firstContactBy;
    private Boolean firstContactWithinBusinessDay;

    /** The customer account this referral became (or was matched to) on conversion. */
    private Long accountId;

    /** Why Relay may hold the customer's data (relay.data-protection.lawful-bases); CONSENT with its text version. */
    private String lawfulBasis;
    private String consentVersion;
    private Instant consentGivenAt;

    /** When its customer data was erased on request or anonymised after retention; null while held. */
    private Instant erasedAt;

    /** The Camunda user who created it (API or Tasklist); null for the web form and imports. */
    private String createdBy;

    /** The customer agreed to hear by mail where their request stands (the status page's link). */
    private boolean customerStatusUpdates;

    /** The language of the customer's request (their mails and status page speak it); null: the default language. */
    private String customerLanguage;

    /** The language of the consent text the customer agreed to, beside its version. */
    private String consentLanguage;

    @Version
    private Long version;

    protected Referral() {
    }

    public Referral(long id, ReferralKind kind, String recordType, Customer customer, String expressedInterest,
                    BigDecimal interestAmount, String interestCurrency, String sourceChannel, Referrer referrer,
                    String notes, Instant createdAt) {
        this.id = id;
        this.referenceNumber = "REF-%06d".formatted(id);
        this.kind = kind;
        this.recordType = recordType;
        this.customer = customer;
        this.expressedInterest = expressedInterest;
        this.interestAmount = interestAmount;
        this.interestCurrency = interestCurrency;
        this.sourceChannel = sourceChannel;
        this.referrer = referrer;
        this.notes = notes;
        this.createdAt = createdAt;
        this.status = ReferralStatus.NEW;
    }

    public void linkProcessInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void scored(int leadScore, String factors, String model, Integer referrerScore) {
        this.leadScore = leadScore;
        this.leadScoreFactors = factors;
        this.leadScoreModel = model;
        this.referrerScoreAtIntake = referrerScore;
    }

    public void fromCampaign(String campaign) {
        this.campaign = campaign;
    }

    /** For history loaded from elsewhere (synthetic or migrated): the referrer's score when the referral was made. */
    public void referrerScoreAtIntake(Integer referrerScore) {
        this.referrerScoreAtIntake = referrerScore;
    }

    public void prioritised(int taskPriority) {
        this.taskPriority = taskPriority;
    }

    /**
     * Routed to a person (owner may be null when only the queue got it) with the reason a manager can read. A recorded
     * SLA breach ({@link #overdue}) stays: rerouting does not undo a missed deadline.
     */
    public void routedTo(String ownerId, String queueId, String basis, String reason, Instant at) {
        this.ownerId = ownerId;
        this.queueId = queueId;
        this.routingBasis = basis;
        this.routingReason = reason;
        this.status = ReferralStatus.ASSIGNED;
        this.assignedAt = at;
    }

    public void reviewDue(Instant dueAt) {
        this.reviewDueAt = dueAt;
    }

    /** An SLA deadline was missed: the first breach is kept (the reports count breached referrals from it). */
    public void overdue(Instant at) {
        if (this.overdueAt == null) {
            this.overdueAt = at;
        }
    }

    public void acceptedBy(String userId, Instant at) {
        this.ownerId = userId;
        this.status = ReferralStatus.ACCEPTED;
        this.acceptedAt = at;
    }

    /** Something was done on the referral: the first activity moves an accepted referral to IN_PROGRESS. */
    public void activityRecorded(Instant at) {
        this.lastActivityAt = at;
        if (status == ReferralStatus.ACCEPTED) {
            this.status = ReferralStatus.IN_PROGRESS;
            this.inProgressAt = at;
        }
    }

    /** The customer was reached for the first time; later contacts change nothing. */
    public void firstContact(Instant at, String by, boolean withinBusinessDay) {
        if (this.firstContactAt == null) {
            this.firstContactAt = at;
            this.firstContactBy = by;
            this.firstContactWithinBusinessDay = withinBusinessDay;
        }
    }

    /** Back to work for its owner after being closed as lost; the close stays in the timeline. */
    public void reopened(Instant at) {
        this.status = ReferralStatus.ACCEPTED;
        this.closeReason = null;
        this.closeNote = null;
        this.closedAt = null;
        this.reopenedAt = at;
    }

    public void convertedInto(Long accountId, Instant at) {
        this.accountId = accountId;
        converted(at);
    }

    public void converted(Instant at) {
        this.status = ReferralStatus.CONVERTED;
        this.convertedAt = at;
        this.closedAt = at;
    }

    public void closedLost(String reason, String note, Instant at) {
        this.status = ReferralStatus.CLOSED_LOST;
        this.closeReason = reason;
        this.closeNote = note;
        this.closedAt = at;
    }

    /** The customer agreed to status updates: they get the status page's link by mail. */
    public void customerWantsStatusUpdates() {
        this.customerStatusUpdates = true;
    }

    public boolean isCustomerStatusUpdates() { return customerStatusUpdates; }
    public String getCreatedBy() { return createdBy; }
    public String getLawfulBasis() { return lawfulBasis; }
    public String getConsentVersion() { return consentVersion; }
    public Instant getConsentGivenAt() { return consentGivenAt; }
    public Instant getErasedAt() { return erasedAt; }

    public void heldOn(String lawfulBasis) {
        this.lawfulBasis = lawfulBasis;
    }

    /** The customer agreed to the consent text of this version at this time (the web form). */
    public void consented(String version, Instant at) {
        this.lawfulBasis = "CONSENT";
        this.consentVersion = version;
        this.consentGivenAt = at;
    }

    /** ... and read it in this language. */
    public void consented(String version, String language, Instant at) {
        consented(version, at);
        this.consentLanguage = language;
    }

    /** The customer wrote to the bank in this language ("fr"): Relay answers them in it. */
    public void customerSpeaks(String language) {
        this.customerLanguage = language;
    }

    public String getCustomerLanguage() { return customerLanguage; }
    public String getConsentLanguage() { return consentLanguage; }

    public void createdBy(String userId) {
        this.createdBy = userId;
    }

    public Long getId() { return id; }
    public String getReferenceNumber() { return referenceNumber; }
    public ReferralKind getKind() { return kind; }
    public String getRecordType() { return recordType; }
    public ReferralStatus getStatus() { return status; }
    public Customer getCustomer() { return customer; }
    public String getExpressedInterest() { return expressedInterest; }
    public BigDecimal getInterestAmount() { return interestAmount; }
    public String getInterestCurrency() { return interestCurrency; }
    public String getSourceChannel() { return sourceChannel; }
    public Referrer getReferrer() { return referrer; }
    public String getNotes() { return notes; }
    public Integer getLeadScore() { return leadScore; }
    public String getLeadScoreFactors() { return leadScoreFactors; }
    public String getLeadScoreModel() { return leadScoreModel; }
    public String getCampaign() { return campaign; }
    public Integer getReferrerScoreAtIntake() { return referrerScoreAtIntake; }
    public Integer getTaskPriority() { return taskPriority; }
    public String getOwnerId() { return ownerId; }
    public String getQueueId() { return queueId; }
    public String getRoutingReason() { return routingReason; }
    public String getRoutingBasis() { return routingBasis; }
    public Instant getReviewDueAt() { return reviewDueAt; }
    public Instant getOverdueAt() { return overdueAt; }
    public String getCloseReason() { return closeReason; }
    public String getCloseNote() { return closeNote; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getAssignedAt() { return assignedAt; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public Instant getInProgressAt() { return inProgressAt; }
    public Instant getConvertedAt() { return convertedAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getReopenedAt() { return reopenedAt; }
    public Instant getLastActivityAt() { return lastActivityAt; }
    public Instant getFirstContactAt() { return firstContactAt; }
    public String getFirstContactBy() { return firstContactBy; }
    public Boolean getFirstContactWithinBusinessDay() { return firstContactWithinBusinessDay; }
    public Long getAccountId() { return accountId; }
}
