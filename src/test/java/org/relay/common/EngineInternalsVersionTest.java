package org.relay.common;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;

/**
 * Relay replaces a few of Camunda's internal classes, each for a reason its own class states: the id check on inserts
 * (IdCheckWithoutToString), FEEL parsing (FeelParseCache), a full job executor's rejected jobs (SaturatedJobExecutor),
 * the grant lookup by group (security/AuthorizedGroupsByIndex), per-call plans for users' commands
 * (security/AuthorizedCommandsPlannedPerCall) and the identity provider that reports each password check to sign-in
 * throttling (security/ReportingIdentityProvider). They were written against Camunda 7.24.0 and are proven by their
 * own tests on it; another engine version must be read against each of them before it is used, so this fails first.
 */
class EngineInternalsVersionTest {

    @Test
    void the_engine_is_the_version_relays_engine_internals_were_written_for() {
        Assertions.assertThat(ProductPropertiesUtil.getProductVersion())
                .as("Camunda version: re-read the engine internals listed in this test's comment, then update it")
                .isEqualTo("7.24.0");
    }
}
