package org.relay.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    @Query("""
            select a from AuditEntry a
            where (:referral is null or a.referralNumber = :referral)
              and (:actor is null or a.actor = :actor)
              and (:action is null or a.action = :action)
              and a.occurredAt >= :from and a.occurredAt < :to
            order by a.occurredAt desc, a.id desc""")
    List<AuditEntry> search(@Param("referral") String referral, @Param("actor") String actor,
                            @Param("action") AuditAction action, @Param("from") Instant from, @Param("to") Instant to,
                            Pageable page);
}
