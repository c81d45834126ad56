package org.relay.engine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Indexes Camunda does not ship for queries it runs all the time; without them each of these reads every row of its
 * table, and the tables grow with the open referrals (three timers and a task each; docs/benchmarks.md):
 * <ul>
 *   <li>the job executor's acquisition query picks due jobs ({@code DUEDATE_ is null or DUEDATE_ <= now}), by
 *   priority, and skips process instances with a job in progress — run at every poll of every node and whenever a job
 *   becomes due at once (each new referral's "task ready" timer);</li>
 *   <li>completing or deleting any task looks for its subtasks by {@code PARENT_TASK_ID_}, which Relay never has: the
 *   partial index stays empty.</li>
 * </ul>
 * And statistics on the permission bits Tasklist's task queries test ({@code PERMS_ & 2} READ on a task,
 * {@code PERMS_ & 64} READ_TASK on a process definition). Without them PostgreSQL guesses that one grant in 200 has
 * the bit, expects a handful of the user's and queue's grants where there are thousands (two per open task), and
 * joins every task of the user to all of them: "My referrals" asked as the user took 120–180 ms at 100 000 open
 * referrals, 15–30 ms with the statistics and plans for the user's values (security/AuthorizedCommandsPlannedPerCall;
 * docs/benchmarks.md, work list). They are analysed once when created; then PostgreSQL's autovacuum keeps them current.
 * Not a Flyway migration: on a fresh database Flyway runs before the engine has created its tables. Every node creates
 * them at start, once the engine has created or upgraded its schema: {@code if not exists} makes them once, and an
 * advisory lock keeps two nodes starting together from creating the same index at the same moment. PostgreSQL only: the embedded demo's H2 tables stay small
 * (and H2 has no partial indexes).
 */
@Component
@ConditionalOnProperty(prefix = "relay.engine", name = "extra-indexes", havingValue = "true", matchIfMissing = true)
@WrittenFor(camunda = "7.24.0", switchedOffBy = "relay.engine.extra-indexes")
public class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final List<String> INDEXES = List.of(
            "create index if not exists relay_job_due_idx on act_ru_job (duedate_)",
            "create index if not exists relay_job_locked_idx on act_ru_job (process_instance_id_) where lock_owner_ is not null",
            "create index if not exists relay_task_parent_idx on act_ru_task (parent_task_id_) where parent_task_id_ is not null");

    /** Expression statistics (PostgreSQL 14 and later) on the permission bits of Tasklist's authorization check. */
    static final List<String> STATISTICS = List.of("relay_auth_read_perm", "relay_auth_read_task_perm");
    private static final List<String> STATISTICS_DDL = List.of(
            "create statistics if not exists relay_auth_read_perm on ((perms_ & 2)) from act_ru_authorization",
            "create statistics if not exists relay_auth_read_task_perm on ((perms_ & 64)) from act_ru_authorization");

    /** Any fixed number: the key of the advisory lock, held until the indexes' transaction ends. */
    private static final long ADVISORY_LOCK = 0x52454c4159L;

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        try {
            create(configuration.getDataSource());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create Relay's indexes on Camunda's tables", e);
        }
    }

    /** Whether this server keeps the permission-bit statistics: statistics on expressions came with PostgreSQL 14. */
    public static boolean permissionStatisticsSupported(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion() >= 14;
    }

    /** Creates the statistics unless they exist; true if any was new (so the table wants analysing). */
    private static boolean createStatistics(Connection connection, Statement statement) throws SQLException {
        if (!permissionStatisticsSupported(connection)) {
            return false;
        }
        int existing;
        try (ResultSet found = statement.executeQuery("select count(*) from pg_statistic_ext where stxname in ('"
                + String.join("', '", STATISTICS) + "')")) {
            found.next();
            existing = found.getInt(1);
        }
        for (String ddl : STATISTICS_DDL) {
            statement.execute(ddl);
        }
        return existing < STATISTICS.size();
    }

    /** Creates them unless they exist (also used by JobAcquisitionBenchmark, which measures with and without). */
    public static void create(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                statement.execute("select pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
                for (String index : INDEXES) {
                    statement.execute(index);
                }
                boolean analyse = createStatistics(connection, statement);
                connection.commit();
                if (analyse) {
                    statement.execute("analyze act_ru_authorization");
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
