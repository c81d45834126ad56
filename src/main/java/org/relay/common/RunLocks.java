package org.relay.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes an action that must not run twice at once across all nodes (e.g. starting a lead-score training): the
 * caller's transaction locks the action's row in {@code run_lock} (V13), then checks and acts; a second caller waits
 * for the first to commit and then sees what it did.
 */
@Component
public class RunLocks {

    public static final String LEAD_SCORE_TRAINING = "lead-score-training";
    public static final String REPORT_ROLLUPS = "report-rollups";

    private final JdbcTemplate jdbc;

    RunLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the action's lock until the calling transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(String action) {
        if (jdbc.queryForList("select name from run_lock where name = ? for update", String.class, action).isEmpty()) {
            throw new IllegalStateException("No run_lock row for " + action + " (see V13__run_locks.sql)");
        }
    }
}
