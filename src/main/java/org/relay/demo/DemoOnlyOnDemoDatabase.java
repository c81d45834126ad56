package org.relay.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.common.EmbeddedDemoDatabase;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/**
 * The demo's users sign in with their user id as password, and the demo skips the administrator and link-secret
 * checks. So {@code relay.demo.enabled=true} is only accepted on the embedded H2 database or on a database created for
 * the demo (no users but the demo team): on a database that holds real users Relay refuses to start.
 */
@Component
@ConditionalOnProperty(name = "relay.demo.enabled", havingValue = "true")
class DemoOnlyOnDemoDatabase implements InitializingBean {

    private final IdentityService identityService;
    private final DataSource dataSource;

    DemoOnlyOnDemoDatabase(IdentityService identityService, DataSource dataSource) {
        this.identityService = identityService;
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        if (EmbeddedDemoDatabase.is(dataSource)) {
            return;
        }
        List<String> realUsers = identityService.createUserQuery().list().stream().map(User::getId)
                .filter(id -> !DemoTeam.isDemoUser(id)).sorted().toList();
        if (!realUsers.isEmpty()) {
            throw new IllegalStateException("relay.demo.enabled=true is refused: this database holds users who are not"
                    + " the demo team (" + String.join(", ", realUsers.subList(0, Math.min(5, realUsers.size())))
                    + (realUsers.size() > 5 ? ", …" : "") + "), and the demo would add users whose password is their"
                    + " user id. Start with relay.demo.enabled=false (the postgres profile does), or run the demo on the"
                    + " embedded H2 database (mvn spring-boot:run) or on a database created for it");
        }
    }
}
