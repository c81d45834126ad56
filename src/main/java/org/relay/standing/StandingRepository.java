package org.relay.standing;

import org.relay.referral.Referral;
import org.relay.referral.ReferrerType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

/** The referrals one referrer sent, and the opportunities they became (JPQL: Hibernate keeps its translation). */
interface StandingRepository extends Repository<Referral, Long> {

    /** A referrer's referrals (index referral_referrer_status_idx on referrer_id); the pageable orders them. */
    @Query(value = "select r from Referral r where r.referrer.type = :type and r.referrer.id = :id",
            countQuery = "select count(r) from Referral r where r.referrer.type = :type and r.referrer.id = :id")
    Page<Referral> sentBy(@Param("type") ReferrerType type, @Param("id") String id, Pageable pageable);

    /** A referrer's referrals under any of these types (an advocate's code on ADVOCATE and PARTNER referrals). */
    @Query(value = "select r from Referral r where r.referrer.type in :types and r.referrer.id = :id",
            countQuery = "select count(r) from Referral r where r.referrer.type in :types and r.referrer.id = :id")
    Page<Referral> sentByAny(@Param("types") Collection<ReferrerType> types, @Param("id") String id, Pageable pageable);

    /** The one referral with this reference, if this referrer sent it. */
    @Query("select r from Referral r where r.referrer.type = :type and r.referrer.id = :id and r.referenceNumber = :ref")
    List<Referral> sentBy(@Param("type") ReferrerType type, @Param("id") String id, @Param("ref") String referenceNumber);

    /** [referralId, opportunityId] for those of these referrals that converted. */
    @Query("select o.referralId, o.id from Opportunity o where o.referralId in :referralIds")
    List<Object[]> opportunitiesOf(@Param("referralIds") Collection<Long> referralIds);
}
