package org.relay.rewards;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface RewardRepository extends JpaRepository<Reward, Long> {

    Optional<Reward> findByReference(String reference);

    /** The reward with its row locked until the transaction ends: two managers deciding at once take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reward r where r.reference = :reference")
    Optional<Reward> findForChange(@Param("reference") String reference);

    List<Reward> findByReferralIdOrderByIdAsc(Long referralId);

    List<Reward> findByReferrerIdOrderByEarnedAtDescIdDesc(String referrerId);

    @Query("select r from Reward r where r.referralId = :referralId and r.outcome = :outcome"
            + " and r.status not in (org.relay.rewards.RewardStatus.REJECTED, org.relay.rewards.RewardStatus.REVERSED)")
    Optional<Reward> findStanding(@Param("referralId") Long referralId, @Param("outcome") RewardOutcome outcome);

    /** Approved rewards past their review period and in no batch, locked: two exports at once never share one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reward r where r.status = org.relay.rewards.RewardStatus.APPROVED and r.payableFrom <= :now"
            + " and r.payoutBatchId is null order by r.id")
    List<Reward> lockPayable(@Param("now") Instant now);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reward r where r.status = org.relay.rewards.RewardStatus.APPROVED and r.payableFrom <= :now"
            + " and r.payoutBatchId is null and r.referrerType = :type order by r.id")
    List<Reward> lockPayableOf(@Param("now") Instant now, @Param("type") RewardReferrerType type);

    List<Reward> findByPayoutBatchIdOrderByIdAsc(Long payoutBatchId);

    @Query("select r from Reward r where (:status is null or r.status = :status)"
            + " and (:referrer is null or r.referrerId = :referrer) order by r.earnedAt desc, r.id desc")
    List<Reward> list(@Param("status") RewardStatus status, @Param("referrer") String referrer,
                      org.springframework.data.domain.Pageable page);
}
