package org.relay.rewards;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/** Ids of rewards and payout batches from their database sequences (H2 or PostgreSQL), so references exist at once. */
@Component
class RewardNumbers {

    @PersistenceContext
    private EntityManager entityManager;

    long nextReward() {
        return next("reward_seq");
    }

    long nextBatch() {
        return next("reward_payout_batch_seq");
    }

    private long next(String sequence) {
        String sql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(sequence);
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
