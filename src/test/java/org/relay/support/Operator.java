package org.relay.support;

import org.camunda.bpm.engine.IdentityService;
import org.relay.security.RelayAuthorities;

/** Otto, the monitoring system's account (group relay-operators): scrapes /actuator/prometheus and nothing else. */
public final class Operator {

    public static final String USER = "otto";
    public static final String PASSWORD = "Night-Shift-Operator-4";

    private Operator() {
    }

    public static void ensure(IdentityService identityService) {
        if (identityService.createUserQuery().userId(USER).count() == 0) {
            var otto = identityService.newUser(USER);
            otto.setFirstName("Otto");
            otto.setLastName("Brandt");
            otto.setPassword(PASSWORD);
            identityService.saveUser(otto);
        }
        // created empty at start (security/OperatorsGroup); an administrator adds the scraper's account
        if (identityService.createUserQuery().userId(USER).memberOfGroup(RelayAuthorities.OPERATORS_GROUP).count() == 0) {
            identityService.createMembership(USER, RelayAuthorities.OPERATORS_GROUP);
        }
    }
}
