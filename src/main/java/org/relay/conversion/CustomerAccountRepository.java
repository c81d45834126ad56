package org.relay.conversion;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface CustomerAccountRepository extends JpaRepository<CustomerAccount, Long> {

    Optional<CustomerAccount> findByExistingCustomerId(String existingCustomerId);

    List<CustomerAccount> findByEmailNormalizedOrderByIdAsc(String emailNormalized);

    List<CustomerAccount> findByPhoneNormalizedOrderByIdAsc(String phoneNormalized);

    List<CustomerAccount> findByHouseholdIdOrderByIdAsc(Long householdId);
}
