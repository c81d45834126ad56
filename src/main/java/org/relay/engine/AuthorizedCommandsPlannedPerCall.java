package org.relay.engine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's engine commands (Tasklist, Cockpit, the engine REST API) planned by PostgreSQL with the values they ask for.
 *
 * <p>Camunda's authorization check filters grants by a permission bit it binds as a parameter
 * ({@code PERMS_ & ? = ?}). After five executions of a prepared statement PostgreSQL may keep one generic plan for all
 * values; for that plan it cannot use Relay's statistics on the permission bits (EngineIndexes), guesses that one grant
 * in 200 qualifies and joins every task of the user to every grant of the user and their queue: 120–150 ms for
 * "My referrals" at 100 000 open referrals, against 7–10 ms with a plan for the actual values (docs/benchmarks.md,
 * work list). So inside a command run for an authenticated user with authorization checks on, the transaction asks
 * for custom plans ({@code set local plan_cache_mode}); it ends with the transaction. Relay's own engine calls (intake,
 * jobs) run without an authenticated user and keep PostgreSQL's plan cache. PostgreSQL 14 and later only, like the
 * statistics these plans depend on.
 */
@Component
@ConditionalOnProperty(prefix = "relay.engine", name = "per-call-plans", havingValue = "true", matchIfMissing = true)
@WrittenFor(camunda = "7.24.0", switchedOffBy = "relay.engine.per-call-plans")
class AuthorizedCommandsPlannedPerCall extends AbstractProcessEnginePlugin {

    static final String CUSTOM_PLANS = "set local plan_cache_mode = force_custom_plan";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> inside = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        inside.add(new CustomPlansForUsers());
        configuration.setCustomPostCommandInterceptorsTxRequired(inside);
    }

    /** Runs inside the command's context and transaction (after Camunda's own interceptors). */
    static final class CustomPlansForUsers extends CommandInterceptor {

        private volatile Boolean statisticsSupported;

        @Override
        public <T> T execute(Command<T> command) {
            CommandContext context = Context.getCommandContext();
            if (context != null && context.getAuthenticatedUserId() != null && context.isAuthorizationCheckEnabled()
                    && DbSqlSessionFactory.POSTGRES.equals(context.getProcessEngineConfiguration().getDatabaseType())) {
                try {
                    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
                    if (withStatistics(connection)) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(CUSTOM_PLANS);
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not ask PostgreSQL for custom plans", e);
                }
            }
            return next.execute(command);
        }

        /**
         * Custom plans only where EngineIndexes keeps its statistics: for the actual values but without them, PostgreSQL
         * plans the same join far worse than the generic plan (seconds).
         */
        private boolean withStatistics(Connection connection) throws SQLException {
            Boolean known = statisticsSupported;
            if (known == null) {
                known = EngineIndexes.permissionStatisticsSupported(connection);
                statisticsSupported = known;
            }
            return known;
        }
    }
}
