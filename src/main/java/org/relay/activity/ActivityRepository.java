package org.relay.activity;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ActivityRepository extends JpaRepository<Activity, Long> {

    List<Activity> findByReferralIdOrderByOccurredAtAscIdAsc(Long referralId);

    long countByReferralId(Long referralId);

    List<Activity> findByReferralIdAndTypeOrderByRecordedAtAscIdAsc(Long referralId, ActivityType type);

    java.util.Optional<Activity> findFirstByReferralIdOrderByRecordedAtDescIdDesc(Long referralId);
}
