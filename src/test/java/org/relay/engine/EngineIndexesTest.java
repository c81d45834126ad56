package org.relay.engine;

import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        assertThat(jdbc.queryForList("select stxname from pg_statistic_ext where stxname like 'relay\\_%'", String.class))
                .containsExactlyInAnyOrderElementsOf(EngineIndexes.STATISTICS);
    }

    @Test
    void the_planner_knows_how_many_grants_carry_the_read_permission() {
        // every open task's assignee and queue hold such a grant; Tasklist's authorization check tests the bit
        String readGrants = "select id_ from act_ru_authorization where perms_ & 2 = 2";
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into act_ru_authorization (id_, rev_, type_, user_id_, resource_type_, resource_id_, perms_)
                    select 'relay-stats-' || g, 1, 1, 'stats-user-' || g, 7, 'stats-task-' || g, 6
                    from generate_series(1, 5000) g""");
            jdbc.execute("analyze act_ru_authorization");
            long withStatistics = estimatedRows(readGrants);
            jdbc.execute("drop statistics relay_auth_read_perm");   // rolled back with the rest
            jdbc.execute("analyze act_ru_authorization");
            long withoutStatistics = estimatedRows(readGrants);
            status.setRollbackOnly();

            assertThat(withStatistics).isGreaterThan(2_500);      // at least 5 000 rows have the bit
            assertThat(withoutStatistics).isLessThan(500);       // PostgreSQL's guess for an expression: 1 row in 200
        });
    }

    private long estimatedRows(String sql) {
        String top = jdbc.queryForList("explain " + sql, String.class).get(0);
        Matcher rows = Pattern.compile("rows=(\\d+)").matcher(top);
        assertThat(rows.find()).as(top).isTrue();
        return Long.parseLong(rows.group(1));
    }

    private String planWithoutSequentialScans(String sql) {
        return transaction.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            List<String> plan = jdbc.queryForList("explain " + sql, String.class);
            return String.join("\n", plan);
        });
    }
}
