package org.relay.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The group whose members may read the monitoring endpoints ({@link RelayAuthorities#OPERATORS_GROUP}), created
 * empty at start so an administrator finds it in Camunda Admin and adds the monitoring system's account to it. It
 * holds no engine authorizations: no Tasklist, no Cockpit, no referral.
 */
@Component
class OperatorsGroup {

    private final IdentityService identityService;

    OperatorsGroup(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        if (identityService.createGroupQuery().groupId(RelayAuthorities.OPERATORS_GROUP).count() == 0) {
            Group operators = identityService.newGroup(RelayAuthorities.OPERATORS_GROUP);
            operators.setName("Relay operators (monitoring)");
            operators.setType(Groups.GROUP_TYPE_SYSTEM);
            try {
                identityService.saveGroup(operators);
            } catch (RuntimeException e) {
                // another node of the cluster, starting at the same moment, created it first
                if (identityService.createGroupQuery().groupId(RelayAuthorities.OPERATORS_GROUP).count() == 0) {
                    throw e;
                }
            }
        }
    }
}
