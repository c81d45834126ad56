package org.relay.demo;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.relay.common.EmbeddedDemoDatabase;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;

/**
 * Finding 7 of issue #24: relay.demo.enabled=true adds users whose password is their user id and skips the secret
 * checks, so the demo starts only on the embedded H2 database or a database that holds nobody but the demo team.
 * (EmbeddedDemoStartTest starts the demo on H2; this is the refusal on a real PostgreSQL database.)
 */
class DemoOnlyOnDemoDatabaseTest extends RelayIntegrationTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    DataSource dataSource;

    @Test
    void the_demo_refuses_a_postgresql_database_that_holds_real_users() {
        // the suite's database holds the demo team and relay-admin, the administrator from configuration
        Assertions.assertThatThrownBy(() -> new DemoOnlyOnDemoDatabase(identityService, dataSource).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relay.demo.enabled=true is refused")
                .hasMessageContaining("relay-admin")
                .hasMessageNotContaining("bob");
    }

    @Test
    void only_an_in_process_h2_database_is_the_embedded_demo_database() {
        Assertions.assertThat(EmbeddedDemoDatabase.is(dataSource)).as("the suite's PostgreSQL").isFalse();
        Assertions.assertThat(EmbeddedDemoDatabase.isUrl("jdbc:h2:file:./data/relay;DB_CLOSE_ON_EXIT=FALSE")).isTrue();
        Assertions.assertThat(EmbeddedDemoDatabase.isUrl("jdbc:h2:mem:relay-demo;DB_CLOSE_DELAY=-1")).isTrue();
        Assertions.assertThat(EmbeddedDemoDatabase.isUrl("jdbc:h2:tcp://db.bank.example/relay")).isFalse();
        Assertions.assertThat(EmbeddedDemoDatabase.isUrl("jdbc:h2:ssl://db.bank.example/relay")).isFalse();
        Assertions.assertThat(EmbeddedDemoDatabase.isUrl("jdbc:postgresql://localhost:5432/relay")).isFalse();
    }
}
