package org.relay.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A referral as the REST API returns it: the record, where it stands in its lifecycle, and its timeline. */
public record ReferralView(
        String referenceNumber,
        ReferralKind kind,
        String recordType,
        ReferralStatus status,
        CustomerView customer,
        String expressedInterest,
        InterestValueView interestValue,
        String sourceChannel,
        String campaign,
        ReferrerView referrer,
        String notes,
        Integer leadScore,
        ScoreView scoring,
        String owner,
        String queue,
        String routingBasis,
        String routingReason,
        Instant reviewDueAt,
        Instant overdueAt,
        String closeReason,
        String closeNote,
        String processInstanceId,
        Stages stages,
        List<OpenTask> openTasks,
        List<RelatedReferral> relatedOpenReferrals,
        List<TimelineEntry> timeline,
        DataProtectionView dataProtection,
        /* the owner and the queue as people know them ("Alice Romero", "Retail Lending") */
        String ownerName,
        String queueName) {

    /** The same view whose timeline leaves out the activities (their subjects are for those who see all of it). */
    public ReferralView withoutActivities() {
        return new ReferralView(referenceNumber, kind, recordType, status, customer, expressedInterest, interestValue,
                sourceChannel, campaign, referrer, notes, leadScore, scoring, owner, queue, routingBasis, routingReason,
                reviewDueAt, overdueAt, closeReason, closeNote, processInstanceId, stages, openTasks,
                relatedOpenReferrals, timeline.stream().filter(e -> e.type() != ReferralEventType.ACTIVITY).toList(),
                dataProtection, ownerName, queueName);
    }

    /**
     * Why the bank holds the customer's data, the consent text version they agreed to and its language, and when it
     * was erased.
     */
    public record DataProtectionView(String lawfulBasis, String consentVersion, Instant consentGivenAt, Instant erasedAt,
                                     String consentLanguage) {
    }

    public record CustomerView(CustomerType type, String name, String employer, String phone, String email,
                               String city, String region, String postcode, java.time.LocalDate dateOfBirth,
                               String existingCustomerId, String contactName, Long accountId,
                               /* the customer agreed to status updates by email (their status page's link) */
                               boolean statusUpdates,
                               /* the language of their request ("fr"), which their mails and page speak; null: the default */
                               String language) {
    }

    /** Lead score with grade (A–D), its factors and model; the referrer's score; the task priority derived from them. */
    public record ScoreView(Integer leadScore, String grade, String factors, String model, Integer referrerScore,
                            Integer taskPriority) {
    }

    public record InterestValueView(BigDecimal amount, String currency) {
    }

    public record ReferrerView(ReferrerType type, String id, String name) {
    }

    public record Stages(Instant created, Instant assigned, Instant accepted, Instant inProgress,
                         Instant converted, Instant closed, Instant reopened, Instant lastActivity) {
    }

    public record OpenTask(String id, String taskDefinitionKey, String name, String assignee,
                           List<String> candidateGroups, int priority, Date due, String tasklistLink) {
    }

    /** Another open referral of the same customer; queue and owner by id and by the names people know them by. */
    public record RelatedReferral(String referenceNumber, String expressedInterest, String queue, String owner,
                                  ReferralStatus status, String queueName, String ownerName) {
    }

    /** One event of the referral's story; the actor by id and by the name people know them by. */
    /**
     * {@code detail} in the reader's language; {@code sentence}, when Relay wrote the detail itself, its message key
     * and arguments (worded), for pages that tell the step their own way.
     */
    public record TimelineEntry(ReferralEventType type, String actor, String reason, String detail, Instant at,
                                String actorName, org.relay.i18n.StoredSentence sentence) {
    }
}
