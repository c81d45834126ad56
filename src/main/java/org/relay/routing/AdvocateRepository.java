package org.relay.routing;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AdvocateRepository extends JpaRepository<Advocate, String> {

    java.util.Optional<Advocate> findByLinkSubjectId(Long linkSubjectId);
}
