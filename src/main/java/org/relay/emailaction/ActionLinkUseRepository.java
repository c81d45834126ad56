package org.relay.emailaction;

import org.springframework.data.jpa.repository.JpaRepository;

interface ActionLinkUseRepository extends JpaRepository<ActionLinkUse, String> {
}
