package org.relay.activity;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ActivityRepository extends JpaRepository<Activity, Long> {

    List<Activity> findByReferralIdOrderByOccurredAtAscIdAsc(Long referralId);

    long countByReferralId(Long referralId);

    List<Activity> findByReferralIdAndTypeOrderByRecordedAtAscIdAsc(Long referralId, ActivityType type);

    java.util.Optional<Activity> findFirstByReferralIdOrderByRecordedAtDescIdDesc(Long referralId);

    /** Of these referrals' activities, those shared with anyone (the caller narrows to the referrer). */
    @org.springframework.data.jpa.repository.Query(
            "select a from Activity a where a.referralId in :referralIds and a.sharedWith is not null")
    List<Activity> findSharedAmong(@org.springframework.data.repository.query.Param("referralIds")
                                   java.util.Collection<Long> referralIds);
}
