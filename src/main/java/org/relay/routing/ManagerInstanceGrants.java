package org.relay.routing;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Managers see in Cockpit the lifecycles of the referrals in the queues they manage, and no others: each time a
 * referral's queue is set, its process instance is readable by that queue's manager group alone (a per-instance
 * READ grant, replacing the previous queue's). They read where it waits and its ids — the engine holds no customer
 * data — and act through Relay's API (reassign, re-plan), never through engine writes.
 */
@Component
public class ManagerInstanceGrants {

    private final AuthorizationService authorizations;
    private final ManagerQueues managerQueues;

    ManagerInstanceGrants(AuthorizationService authorizations, ManagerQueues managerQueues) {
        this.authorizations = authorizations;
        this.managerQueues = managerQueues;
    }

    /** The process instance of a referral now in this queue: readable by the queue's managers only. */
    public void queueChanged(String processInstanceId, String queueId) {
        if (processInstanceId == null) {
            return;
        }
        String managers = managerQueues.above(queueId);
        boolean granted = false;
        for (Authorization existing : authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(processInstanceId).list()) {
            if (existing.getGroupId() != null && existing.getGroupId().equals(managers)) {
                granted = true;
            } else if (existing.getGroupId() != null) {
                authorizations.deleteAuthorization(existing.getId());
            }
        }
        if (!granted) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(managers);
            grant.setResource(Resources.PROCESS_INSTANCE);
            grant.setResourceId(processInstanceId);
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
    }
}
