package org.relay.rewards;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface PayoutBatchRepository extends JpaRepository<PayoutBatch, Long> {

    Optional<PayoutBatch> findByReference(String reference);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from PayoutBatch b where b.reference = :reference")
    Optional<PayoutBatch> findForChange(@Param("reference") String reference);
}
