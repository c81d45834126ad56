package org.relay.meeting;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface MeetingBookingRepository extends JpaRepository<MeetingBooking, Long> {

    /** The owner's standing meetings that end after {@code from} (what makes a slot busy). */
    @Query("select b from MeetingBooking b where b.ownerId = :owner and b.activeStart is not null and b.endsAt > :from")
    List<MeetingBooking> standingOf(@Param("owner") String ownerId, @Param("from") Instant from);

    @Query("select b from MeetingBooking b where b.activeReferralId = :referralId")
    Optional<MeetingBooking> standingFor(@Param("referralId") Long referralId);

    List<MeetingBooking> findByReferralIdOrderByStartsAtAsc(Long referralId);
}
