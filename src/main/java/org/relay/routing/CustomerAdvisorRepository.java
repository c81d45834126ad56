package org.relay.routing;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface CustomerAdvisorRepository extends JpaRepository<CustomerAdvisor, CustomerAdvisor.Key> {

    List<CustomerAdvisor> findByKeyExistingCustomerId(String existingCustomerId);
}
