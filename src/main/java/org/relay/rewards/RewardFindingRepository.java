package org.relay.rewards;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface RewardFindingRepository extends JpaRepository<RewardFinding, Long> {

    List<RewardFinding> findByRewardIdOrderByIdAsc(Long rewardId);
}
