package org.relay.meeting;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

interface MeetingOfferRepository extends JpaRepository<MeetingOffer, Long> {

    List<MeetingOffer> findByReferralIdOrderByStartsAtAsc(Long referralId);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("delete from MeetingOffer o where o.referralId = :referralId")
    void deleteAllOf(@Param("referralId") Long referralId);
}
