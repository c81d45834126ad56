package org.relay.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's engine commands run with custom plans; Relay's own engine calls and later transactions keep the default. */
class AuthorizedCommandsPlannedPerCallTest extends RelayIntegrationTest {

    @Autowired
    IdentityService identity;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void a_users_command_is_planned_for_its_values() {
        identity.setAuthentication("bob", List.of("retail-lending"));

        assertThat(planCacheModeInACommand()).isEqualTo("force_custom_plan");
    }

    @Test
    void relays_own_engine_calls_keep_the_plan_cache() {
        assertThat(planCacheModeInACommand()).isEqualTo("auto");
    }

    @Test
    void the_setting_ends_with_the_users_transaction() {
        identity.setAuthentication("bob", List.of("retail-lending"));
        planCacheModeInACommand();
        identity.clearAuthentication();

        assertThat(planCacheModeInACommand()).isEqualTo("auto");
    }

    private String planCacheModeInACommand() {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
                         ResultSet mode = statement.executeQuery("show plan_cache_mode")) {
                        mode.next();
                        return mode.getString(1);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
