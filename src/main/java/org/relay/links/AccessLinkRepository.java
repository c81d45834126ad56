package org.relay.links;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface AccessLinkRepository extends JpaRepository<AccessLink, Long> {

    Optional<AccessLink> findByTokenHash(String tokenHash);

    List<AccessLink> findByPurposeAndSubjectIdOrderByCreatedAtDesc(AccessLinkPurpose purpose, Long subjectId);
}
