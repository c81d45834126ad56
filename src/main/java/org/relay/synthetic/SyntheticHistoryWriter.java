package org.relay.synthetic;

import jakarta.persistence.EntityManager;
import org.relay.activity.FirstContacts;
import org.relay.referral.Customer;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralNumbers;
import org.relay.referral.Referrer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Stores a synthetic history as decided referral rows (no process instances: they are history, as if migrated from
 * the bank's old tracking spreadsheet), so training, reports and the demo read them like any other referral.
 */
@Component
public class SyntheticHistoryWriter {

    private static final String[] LOST_REASONS = {"NOT_INTERESTED", "NOT_QUALIFIED", "UNREACHABLE", "WENT_TO_COMPETITOR"};
    /** Referrals not accepted within 16 hours are flagged overdue, as the standard SLA's escalation would. */
    static final java.time.Duration SLA = java.time.Duration.ofHours(16);
    private final ReferralNumbers numbers;
    private final EntityManager entityManager;
    private final FirstContacts firstContacts;

    SyntheticHistoryWriter(ReferralNumbers numbers, EntityManager entityManager, FirstContacts firstContacts) {
        this.numbers = numbers;
        this.entityManager = entityManager;
        this.firstContacts = firstContacts;
    }

    /** One campaign per quarter, such as "2026-Q2 offers". */
    static String campaignOf(java.time.Instant created) {
        java.time.LocalDate day = created.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1) + " offers";
    }

    @Transactional
    public int write(List<SyntheticReferral> history) {
        int written = 0;
        for (SyntheticReferral s : history) {
            Customer customer = new Customer(CustomerType.valueOf(s.customerType()), s.customerName(), null, s.phone(),
                    s.email(), s.city(), s.region(), s.existingCustomerId());
            Referral referral = new Referral(numbers.next(), ReferralKind.valueOf(s.kind()), s.recordType(), customer,
                    s.product(), s.interestAmount(), s.interestAmount() == null ? null : "USD", s.source(),
                    new Referrer(s.referrerType(), s.referrerId(), s.referrerName()), "Synthetic history", s.createdAt());
            referral.referrerScoreAtIntake(s.referrerScoreAtIntake());
            if ("CAMPAIGN".equals(s.source())) {
                referral.fromCampaign(campaignOf(s.createdAt()));
            }
            referral.routedTo(s.owner(), s.queue(), "SYNTHETIC", "Synthetic history", s.createdAt());
            java.time.Instant breach = s.createdAt().plus(SLA);
            if (s.acceptedAt() == null || s.acceptedAt().isAfter(breach)) {
                referral.overdue(breach);
            }
            if (s.acceptedAt() != null) {
                referral.acceptedBy(s.owner(), s.acceptedAt());
                referral.activityRecorded(s.firstActivityAt());
                // the first thing the owner did was reaching the customer
                firstContacts.contacted(referral, s.firstActivityAt(), s.owner());
            }
            if (s.converted()) {
                referral.converted(s.decidedAt());
            } else {
                referral.closedLost(LOST_REASONS[written % LOST_REASONS.length], null, s.decidedAt());
            }
            entityManager.persist(referral);
            if (++written % 500 == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        entityManager.flush();
        entityManager.clear();
        return written;
    }
}
