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

    /**
     * When the last turn the referrer has heard about happened, of those before {@code before} (null: none): a mail
     * shows what was shared after it, so two mails never list the same activity.
     */
    @Query("select max(t.occurredAt) from ReferrerTurn t where t.referralId = :referralId and t.toldAt is not null"
            + " and t.occurredAt < :before")
    Instant lastToldBefore(@Param("referralId") Long referralId, @Param("before") Instant before);

    @Query("select t from ReferrerTurn t where t.referralId = :referralId and t.type = :type order by t.id desc")
    List<ReferrerTurn> ofType(@Param("referralId") Long referralId, @Param("type") ReferralEventType type);

    Optional<ReferrerTurn> findByEventId(Long eventId);
}
