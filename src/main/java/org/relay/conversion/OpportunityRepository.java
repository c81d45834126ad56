package org.relay.conversion;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

public interface OpportunityRepository extends JpaRepository<Opportunity, Long> {

    Optional<Opportunity> findByReferralId(Long referralId);

    /** Locked until the transaction ends, so two requests closing one opportunity run in turn (the second sees it closed). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Opportunity o where o.id = :id")
    Optional<Opportunity> findForChange(@Param("id") Long id);

    java.util.List<Opportunity> findByReferrerId(String referrerId);
}
