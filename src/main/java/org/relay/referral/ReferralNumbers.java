package org.relay.referral;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * Draws referral ids from the {@code referral_seq} database sequence, in whatever SQL the database speaks (H2 or
 * PostgreSQL): the id, and so the reference number, exists before the row is written and the process started.
 */
@Component
public class ReferralNumbers {

    @PersistenceContext
    private EntityManager entityManager;

    private volatile String nextValueSql;

    public long next() {
        return ((Number) entityManager.createNativeQuery(nextValueSql()).getSingleResult()).longValue();
    }

    private String nextValueSql() {
        if (nextValueSql == null) {
            nextValueSql = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("referral_seq");
        }
        return nextValueSql;
    }
}
