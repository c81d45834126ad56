package org.relay.security;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Finding 7 of issue #24: the secret checks hold wherever real users can be, demo or not. The demo's own link secret
 * is accepted only on the embedded H2 database; on PostgreSQL it is refused even with relay.demo.enabled=true.
 */
class FirstAdministratorTest extends RelayIntegrationTest {

    private static final String DEMO_SECRET = "demo-only-secret-change-me-0123456789abcdef";

    @Autowired
    SecurityProperties security;
    @Autowired
    IdentityService identityService;
    @Autowired
    DataSource dataSource;

    @Test
    void the_demo_link_secret_is_refused_on_postgresql_even_in_the_demo() {
        Assertions.assertThatThrownBy(() -> administrator(DEMO_SECRET, true).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relay.action-links.secret")
                .hasMessageContaining("embedded H2");
        Assertions.assertThatThrownBy(() -> administrator(DEMO_SECRET, false).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relay.action-links.secret");
    }

    @Test
    void a_real_link_secret_passes_in_the_demo_and_the_administrator_checks_hold_outside_it() {
        administrator("tests-3f9a1c7e5b2d8a6f4e0c9b1d7a3e5f2c", true).afterPropertiesSet();

        SecurityProperties weak = new SecurityProperties("relay-admin", "relay-admin", Duration.ZERO);
        Assertions.assertThatThrownBy(() -> new FirstAdministrator(weak, "tests-3f9a1c7e5b2d8a6f4e0c9b1d7a3e5f2c",
                        identityService, dataSource, false).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relay.security.admin-password");
    }

    private FirstAdministrator administrator(String linkSecret, boolean demo) {
        return new FirstAdministrator(security, linkSecret, identityService, dataSource, demo);
    }
}
