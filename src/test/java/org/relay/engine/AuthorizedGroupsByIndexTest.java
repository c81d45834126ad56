package org.relay.engine;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's "which groups hold a grant" comes from Relay's index walk, with Camunda's answer. */
class AuthorizedGroupsByIndexTest extends RelayIntegrationTest {

    @Autowired
    AuthorizationService authorizations;
    @Autowired
    JdbcTemplate jdbc;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void removeGrants() {
        created.forEach(authorizations::deleteAuthorization);
    }

    @Test
    void the_engine_asks_relays_statement_for_the_authorized_groups() {
        assertThat(configuration().getDbSqlSessionFactory().mapStatement(AuthorizedGroupsByIndex.CAMUNDA_STATEMENT))
                .isEqualTo(AuthorizedGroupsByIndex.STATEMENT);
    }

    @Test
    void it_finds_the_same_groups_as_camundas_distinct_read() {
        grantToGroup("relay-groups-a", "referral-a");
        grantToGroup("relay-groups-a", "referral-b");
        grantToGroup("relay-groups-b", "referral-a");
        grantToUser("relay-groups-user", "referral-a");   // a user's grant: no group

        List<String> relays = run(context -> context.getDbEntityManager()
                .selectList(AuthorizedGroupsByIndex.CAMUNDA_STATEMENT));

        List<String> camundas = jdbc.queryForList(
                "select distinct group_id_ from act_ru_authorization where group_id_ is not null", String.class);
        assertThat(relays).containsExactlyInAnyOrderElementsOf(camundas)
                .contains("relay-groups-a", "relay-groups-b").doesNotHaveDuplicates();
    }

    @Test
    void a_users_group_without_any_grant_is_left_out_of_the_checks() {
        grantToGroup("relay-groups-granted", "referral-a");

        List<String> checked = run(context -> context.getAuthorizationManager()
                .filterAuthenticatedGroupIds(List.of("relay-groups-granted", "relay-groups-never-granted")));

        assertThat(checked).containsExactly("relay-groups-granted");
    }

    private void grantToGroup(String group, String resource) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        save(grant, resource);
    }

    private void grantToUser(String user, String resource) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        save(grant, resource);
    }

    private void save(Authorization grant, String resource) {
        grant.setResource(Resources.TASK);
        grant.setResourceId(resource);
        grant.addPermission(Permissions.READ);
        created.add(authorizations.saveAuthorization(grant).getId());
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    private <T> T run(Command<T> command) {
        return configuration().getCommandExecutorTxRequired().execute(command);
    }
}
