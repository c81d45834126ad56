package org.relay.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.routing.RoutingProperties;
import org.relay.routing.RoutingQueue;
import org.relay.routing.RoutingQueueRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Camunda authorizations Relay's groups need now that engine authorization is on. Tasks themselves need none:
 * the engine grants their assignee and candidate groups access as it assigns them, so a recipient sees only the
 * tasks of their queues and their own. Staff (queue members and referrers) may use Tasklist and start a referral;
 * managers may also use Cockpit and read every referral process there. Idempotent: run at start and whenever
 * queues change.
 */
@Component
public class EngineAuthorizations {

    /** Colleagues who refer but belong to no queue. */
    public static final String REFERRERS_GROUP = "relay-referrers";

    private final AuthorizationService authorizations;
    private final RoutingQueueRepository queues;
    private final RoutingProperties routing;

    EngineAuthorizations(AuthorizationService authorizations, RoutingQueueRepository queues, RoutingProperties routing) {
        this.authorizations = authorizations;
        this.queues = queues;
        this.routing = routing;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        Set<String> staff = new LinkedHashSet<>();
        Set<String> managers = new LinkedHashSet<>();
        staff.add(REFERRERS_GROUP);
        managers.add(routing.fallbackManagerQueue());
        for (RoutingQueue queue : queues.findAll()) {
            staff.add(queue.getGroupId());
            if (queue.getManagerGroupId() != null) {
                managers.add(queue.getManagerGroupId());
            }
        }
        staff.addAll(managers);
        staff.forEach(this::staff);
        managers.forEach(this::manager);
        administrators();
    }

    /** camunda-admin may do everything, as Camunda's own admin setup grants (the engine does not assume it). */
    private void administrators() {
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
    }

    private void staff(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.FILTER, "*", Permissions.READ);
        grant(group, Resources.PROCESS_DEFINITION, LifecycleVariables.PROCESS_KEY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    private void manager(String group) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        // managers reassign and re-plan referrals in flight (Relay's API checks first that it is a queue they manage)
        grant(group, Resources.PROCESS_DEFINITION, LifecycleVariables.PROCESS_KEY, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.UPDATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(group, Resources.TASK, "*", Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
