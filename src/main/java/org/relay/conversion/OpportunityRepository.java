package org.relay.conversion;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface OpportunityRepository extends JpaRepository<Opportunity, Long> {

    Optional<Opportunity> findByReferralId(Long referralId);

    java.util.List<Opportunity> findByReferrerId(String referrerId);
}
