package org.relay.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.relay.common.EmbeddedDemoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Outside the demo there are no default users: the first administrator comes from configuration, and Relay refuses
 * to start with a missing or weak administrator password or a missing or demo link-signing secret. The demo
 * ({@code relay.demo.enabled=true}) skips the administrator (its own is "demo") and, on the embedded H2 database only,
 * the link secret: on any other database a signed link is worth as much as in production. The demo itself runs only
 * where no real users exist (DemoOnlyOnDemoDatabase), so these checks hold wherever real users do.
 */
@Component
class FirstAdministrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final SecurityProperties security;
    /** relay.action-links.secret, read as text: the action links themselves are emailaction's. */
    private final String linkSecret;
    private final IdentityService identityService;
    private final DataSource dataSource;
    private final boolean demo;

    FirstAdministrator(SecurityProperties security, @Value("${relay.action-links.secret:}") String linkSecret,
                       IdentityService identityService, DataSource dataSource,
                       @Value("${relay.demo.enabled:false}") boolean demo) {
        this.security = security;
        this.linkSecret = linkSecret;
        this.identityService = identityService;
        this.dataSource = dataSource;
        this.demo = demo;
    }

    @Override
    public void afterPropertiesSet() {
        if (demo) {
            if (!EmbeddedDemoDatabase.is(dataSource)) {
                refuseIfAny(linkSecretProblems(" (the demo accepts its own secret only on the embedded H2 database)"));
            }
            return;
        }
        List<String> problems = new ArrayList<>();
        if (security.adminUser() == null || security.adminUser().isBlank()) {
            problems.add("relay.security.admin-user (RELAY_ADMIN_USER) is missing");
        }
        StrongSecrets.passwordProblems(security.adminUser(), security.adminPassword())
                .forEach(p -> problems.add("relay.security.admin-password (RELAY_ADMIN_PASSWORD) " + p));
        problems.addAll(linkSecretProblems(""));
        refuseIfAny(problems);
        ensureAdministrator();
    }

    private List<String> linkSecretProblems(String where) {
        return StrongSecrets.linkSecretProblems(linkSecret).stream()
                .map(p -> "relay.action-links.secret (RELAY_LINK_SECRET) " + p + where).toList();
    }

    private static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Relay will not start insecurely: " + String.join("; ", problems));
        }
    }

    private void ensureAdministrator() {
        String userId = security.adminUser();
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group admins = identityService.newGroup(Groups.CAMUNDA_ADMIN);
            admins.setName("Camunda administrators");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(admins);
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User admin = identityService.newUser(userId);
            admin.setFirstName("Relay");
            admin.setLastName("Administrator");
            admin.setPassword(security.adminPassword());
            identityService.saveUser(admin);
            log.info("Created the first administrator {}", userId);
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identityService.createMembership(userId, Groups.CAMUNDA_ADMIN);
        }
    }
}
