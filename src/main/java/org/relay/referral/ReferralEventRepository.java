package org.relay.referral;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Set;

public interface ReferralEventRepository extends JpaRepository<ReferralEvent, Long> {

    List<ReferralEvent> findByReferralIdOrderByOccurredAtAscIdAsc(Long referralId);

    @Query("select distinct e.actor from ReferralEvent e where e.referralId = :referralId and e.type = :type and e.actor is not null")
    Set<String> actorsOf(@Param("referralId") Long referralId, @Param("type") ReferralEventType type);
}
