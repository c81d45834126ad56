package org.relay.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * The demo users' passwords. Without Camunda's password policy (the embedded H2 demo) a demo user's password is their
 * user id, as the README's tour says. With the policy on (the postgres profile) Camunda refuses such passwords
 * ("Password does not match policy"), so every demo user gets {@code relay.demo.password} instead, which the start
 * prints (DemoData) and which is checked against the engine's own policy for each user before any is created.
 */
@Component
class DemoPasswords {

    private final IdentityService identityService;
    private final ProcessEngineConfiguration engine;
    private final String policyPassword;

    DemoPasswords(IdentityService identityService, ProcessEngineConfiguration engine,
                  @Value("${relay.demo.password:Tour-of-Relay-26}") String policyPassword) {
        this.identityService = identityService;
        this.engine = engine;
        this.policyPassword = policyPassword;
    }

    boolean policyEnabled() {
        return engine.isEnablePasswordPolicy();
    }

    /** The password a new demo user gets; refused with the policy's failed rules when the policy would refuse it. */
    String forNewUser(User user) {
        if (!policyEnabled()) {
            return user.getId();
        }
        PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(policyPassword, user);
        if (!result.isValid()) {
            throw new IllegalStateException("relay.demo.password does not meet Camunda's password policy for demo user "
                    + user.getId() + ": " + result.getViolatedRules().stream().map(PasswordPolicyRule::getPlaceholder)
                    .collect(Collectors.joining(", ")));
        }
        return policyPassword;
    }

    /** How the README and the start's log line name a demo user's password. */
    String describe(String userId) {
        return policyEnabled() ? policyPassword : userId;
    }
}
