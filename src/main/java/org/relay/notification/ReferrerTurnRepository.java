package org.relay.notification;

import org.relay.referral.ReferralEventType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ReferrerTurnRepository extends JpaRepository<ReferrerTurn, Long> {

    /** The turns waiting for the digest, by referrer, then referral, then time (index referrer_turn_waiting_idx). */
    @Query("select t from ReferrerTurn t where t.delivery = :delivery and t.toldAt is null"
            + " order by t.referrerType, t.referrerId, t.referralId, t.occurredAt, t.id")
    List<ReferrerTurn> waiting(@Param("delivery") ReferrerTurn.Delivery delivery);

    /** When the referrer last heard about this referral (null: never). */
    @Query("select max(t.toldAt) from ReferrerTurn t where t.referralId = :referralId")
    Instant lastToldAbout(@Param("referralId") Long referralId);

    @Query("select t from ReferrerTurn t where t.referralId = :referralId and t.type = :type order by t.id desc")
    List<ReferrerTurn> ofType(@Param("referralId") Long referralId, @Param("type") ReferralEventType type);

    Optional<ReferrerTurn> findByEventId(Long eventId);
}
