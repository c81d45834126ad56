package org.relay.scoring;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface LeadScoreModelRepository extends JpaRepository<LeadScoreModelRecord, Integer> {

    Optional<LeadScoreModelRecord> findFirstByStatus(LeadScoreModelRecord.Status status);

    @Query("select m.version from LeadScoreModelRecord m where m.status = :status")
    Optional<Integer> versionWithStatus(@org.springframework.data.repository.query.Param("status") LeadScoreModelRecord.Status status);

    @Query("select coalesce(max(m.version), 0) from LeadScoreModelRecord m")
    int latestVersion();

    List<LeadScoreModelRecord> findAllByOrderByVersionDesc();
}
