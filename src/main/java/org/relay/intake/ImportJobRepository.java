package org.relay.intake;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ImportJobRepository extends JpaRepository<ImportJob, Long> {

    default ImportJob require(Long id) {
        return findById(id).orElseThrow(() -> org.relay.common.NotFoundException.of("problem.import.not-found", String.valueOf(id)));
    }

    /**
     * Counts a batch's rows in, in the database: the import's lanes finish batches side by side, so none may write
     * counts it read before another lane added to them.
     */
    @Modifying(flushAutomatically = true)
    @Query("update ImportJob j set j.processedRows = j.processedRows + :processed,"
            + " j.importedRows = j.importedRows + :imported, j.duplicateRows = j.duplicateRows + :duplicates,"
            + " j.failedRows = j.failedRows + :failed where j.id = :id")
    void batchDone(@Param("id") Long id,
                   @Param("processed") int processed,
                   @Param("imported") int imported,
                   @Param("duplicates") int duplicates,
                   @Param("failed") int failed);
}
