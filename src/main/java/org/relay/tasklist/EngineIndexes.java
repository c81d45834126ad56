package org.relay.tasklist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * An index Relay adds to Camunda's task table: the queue filters ask for a group's tasks by priority, and without it
 * PostgreSQL joins every candidate link of the queue and sorts them all before returning the first page (73 ms at
 * 10 000 open tasks per queue; docs/benchmarks.md). Ordered by priority it reads tasks best-first and stops after a
 * page. Created after the engine has created or upgraded its schema (Flyway runs before the engine's tables exist),
 * without blocking task writes on PostgreSQL; each node tries, the first one builds it.
 */
@Component
public class EngineIndexes {

    public static final String TASK_PRIORITY = "relay_act_ru_task_priority_idx";

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    EngineIndexes(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        String concurrently = isPostgres() ? "concurrently " : "";
        try {
            jdbc.execute("create index " + concurrently + "if not exists " + TASK_PRIORITY
                    + " on act_ru_task (priority_ desc, due_date_ asc)");
        } catch (DataAccessException anotherNodeIsBuildingIt) {
            log.info("Index {} not created here ({}); another node may be building it",
                    TASK_PRIORITY, anotherNodeIsBuildingIt.getMostSpecificCause().getMessage());
        }
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}
