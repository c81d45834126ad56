package org.relay.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Runs engine work as a user with their groups, so the engine checks their task permissions (a candidate group's
 * grant counts only when the groups are known) and records them as the one who acted.
 */
@Component
public class EngineActing {

    private final IdentityService identityService;

    EngineActing(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void as(String userId, Runnable work) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
