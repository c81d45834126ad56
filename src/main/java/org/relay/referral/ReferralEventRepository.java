package org.relay.referral;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Set;

public interface ReferralEventRepository extends JpaRepository<ReferralEvent, Long> {

    /** JPQL, not derived from the name: Hibernate keeps its translation (ReferralRepository.findByReferenceNumber). */
    @Query("select e from ReferralEvent e where e.referralId = :referralId order by e.occurredAt asc, e.id asc")
    List<ReferralEvent> findByReferralIdOrderByOccurredAtAscIdAsc(@Param("referralId") Long referralId);

    @Query("select distinct e.actor from ReferralEvent e where e.referralId = :referralId and e.type = :type and e.actor is not null")
    Set<String> actorsOf(@Param("referralId") Long referralId, @Param("type") ReferralEventType type);
}
