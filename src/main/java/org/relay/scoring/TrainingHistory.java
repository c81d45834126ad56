package org.relay.scoring;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Relay's own decided referrals, oldest decision first, as training rows. */
@Repository
class TrainingHistory {

    private final EntityManager entityManager;

    TrainingHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Erased referrals are left out: their contact fields are gone (the model would learn "no phone" from them). */
    List<LeadFacts> decidedReferrals() {
        return entityManager.createQuery("""
                        select new org.relay.scoring.LeadFacts(r.kind, r.recordType, r.expressedInterest, r.sourceChannel,
                            r.customer.existingCustomerId, r.customer.type, r.customer.phone, r.customer.email,
                            r.interestAmount, r.referrerScoreAtIntake, r.queueId, r.status, r.convertedAt, r.closedAt)
                        from Referral r
                        where r.status in (org.relay.referral.ReferralStatus.CONVERTED, org.relay.referral.ReferralStatus.CLOSED_LOST)
                          and r.erasedAt is null
                        order by coalesce(r.convertedAt, r.closedAt), r.id""", LeadFacts.class)
                .getResultList();
    }
}
