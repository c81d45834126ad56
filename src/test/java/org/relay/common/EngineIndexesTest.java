package org.relay.common;

import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relay's indexes on Camunda's tables exist once the engine has started, and they fit the queries the engine runs
 * (JobAcquisitionBenchmark measures what they save at 100 000 open referrals). The plans are asked with sequential
 * scans switched off: on the suite's small tables PostgreSQL would rightly read the whole table anyway.
 */
class EngineIndexesTest extends RelayIntegrationTest {

    /** Camunda 7.24's job acquisition (Job.xml, selectNextJobsToExecute) with Relay's settings, as PostgreSQL receives it. */
    static final String ACQUISITION = """
            select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0) and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now())
            and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1
            and ((RES.EXCLUSIVE_ = true and not exists (select J2.ID_ from ACT_RU_JOB J2
                  where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                  and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now())))
                 or RES.EXCLUSIVE_ = false)
            order by RES.PRIORITY_ desc LIMIT 30 OFFSET 0""";

    /** What completing or deleting any task asks first (Task.xml, selectTasksByParentTaskId). */
    static final String SUBTASKS = "select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'some-task'";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void the_engine_starts_with_indexes_for_job_acquisition_and_subtasks() {
        assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like 'relay\\_%'", String.class))
                .containsExactlyInAnyOrder("relay_job_due_idx", "relay_job_locked_idx", "relay_task_parent_idx");

        assertThat(planWithoutSequentialScans(ACQUISITION))
                .contains("relay_job_due_idx")      // due jobs, without reading the timers that are not
                .contains("relay_job_locked_idx");  // jobs in progress, without reading the jobs that are not
        assertThat(planWithoutSequentialScans(SUBTASKS)).contains("relay_task_parent_idx");
    }

    @Test
    void creating_them_again_changes_nothing() throws Exception {
        // every node creates them at start, also when they exist
        EngineIndexes.create(jdbc.getDataSource());

        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname like 'relay\\_%'", Integer.class))
                .isEqualTo(3);
    }

    private String planWithoutSequentialScans(String sql) {
        return transaction.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            List<String> plan = jdbc.queryForList("explain " + sql, String.class);
            return String.join("\n", plan);
        });
    }
}
