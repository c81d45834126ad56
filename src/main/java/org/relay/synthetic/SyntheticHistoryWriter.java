package org.relay.synthetic;

import jakarta.persistence.EntityManager;
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
    private final ReferralNumbers numbers;
    private final EntityManager entityManager;

    SyntheticHistoryWriter(ReferralNumbers numbers, EntityManager entityManager) {
        this.numbers = numbers;
        this.entityManager = entityManager;
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
            referral.routedTo(s.owner(), s.queue(), "SYNTHETIC", "Synthetic history", s.createdAt());
            if (s.converted()) {
                referral.acceptedBy(s.owner(), s.createdAt().plusSeconds(3600));
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
