package org.relay.rewards;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface RewardLedgerEntryRepository extends JpaRepository<RewardLedgerEntry, Long> {

    List<RewardLedgerEntry> findByRewardIdOrderByOccurredAtAscIdAsc(Long rewardId);
}
