package org.relay.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Last step of the CSV import process: marks the import done and drops its staged rows. */
@Component("finishImport")
class FinishImport implements JavaDelegate {

    private final ImportJobRepository jobs;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    FinishImport(ImportJobRepository jobs, JdbcTemplate jdbc, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ImportJob job = jobs.require(((Number) execution.getVariable("importId")).longValue());
        job.finished(clock.instant());
        jdbc.update("delete from import_row where import_id = ?", job.getId());
    }
}
