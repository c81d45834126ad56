package org.relay.intake;

import org.springframework.data.jpa.repository.JpaRepository;

interface ImportJobRepository extends JpaRepository<ImportJob, Long> {

    default ImportJob require(Long id) {
        return findById(id).orElseThrow(() -> new org.relay.common.NotFoundException("No import " + id));
    }
}
