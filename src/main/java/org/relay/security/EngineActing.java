package org.relay.security;

import org.relay.common.WithoutEngineUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs engine work as a user with their groups, so the engine checks their task permissions (a candidate group's
 * grant counts only when the groups are known) and records them as the one who acted; or as Relay itself, for engine
 * steps Relay's own rules have already allowed and no user holds engine rights for (starting a lifecycle).
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

    /**
     * Runs engine work without the signed-in user's engine authorization checks (Tasklist's New referral process
     * starts a lifecycle, which no staff group may start itself), then restores the user.
     */
    public <T> T asRelay(Supplier<T> work) {
        return WithoutEngineUser.run(identityService, work);
    }
}
