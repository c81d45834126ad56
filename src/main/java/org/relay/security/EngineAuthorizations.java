package org.relay.security;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.queue.RoutingProperties;
import org.relay.queue.RoutingQueue;
import org.relay.queue.RoutingQueueRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Camunda authorizations Relay's groups hold, so that no engine surface (Tasklist, Cockpit, /engine-rest) shows
 * or changes more of a referral than Relay's own rules allow. Tasks need none: the engine grants their assignee and
 * candidate groups access as it assigns them, so a recipient reads and completes only their own and their queues'
 * tasks. Staff (queue members and referrers) use Tasklist and start the New referral process — never the lifecycle,
 * which only Relay starts. Managers use Cockpit: they read the process models, and each lifecycle of a queue they
 * manage is granted to them alone (routing/ManagerInstanceGrants); they read no history, no other task and change
 * nothing through the engine — reassigning and re-planning go through Relay's API. Administrators keep everything.
 * Idempotent, run at start and whenever queues change; grants earlier versions gave are taken back here.
 */
@Component
public class EngineAuthorizations {

    /** Colleagues who refer but belong to no queue. */
    public static final String REFERRERS_GROUP = "relay-referrers";

    /** The Tasklist start form's process: the only process staff may start. */
    public static final String NEW_REFERRAL_PROCESS = "NewReferralProcess";

    private final EngineGrants grants;
    private final RoutingQueueRepository queues;
    private final RoutingProperties routing;

    EngineAuthorizations(EngineGrants grants, RoutingQueueRepository queues, RoutingProperties routing) {
        this.grants = grants;
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
        // which filters a user sees is the filters' own business (tasklist/TasklistFilters): their own queues' only
        revoke(group, Resources.FILTER, "*", Permissions.READ);
        // the lifecycle's model, so Tasklist can name a task's process; starting it is Relay's alone
        grant(group, Resources.PROCESS_DEFINITION, LifecycleVariables.PROCESS_KEY, ProcessDefinitionPermissions.READ);
        revoke(group, Resources.PROCESS_DEFINITION, LifecycleVariables.PROCESS_KEY,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_DEFINITION, NEW_REFERRAL_PROCESS,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    }

    private void manager(String group) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
        revoke(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        revoke(group, Resources.PROCESS_DEFINITION, LifecycleVariables.PROCESS_KEY, ProcessDefinitionPermissions.TASK_WORK,
                ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.UPDATE_INSTANCE);
        revoke(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        revoke(group, Resources.TASK, "*", Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        revoke(group, Resources.DECISION_DEFINITION, "*", Permissions.READ_HISTORY);
        grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        grants.grant(group, resource, resourceId, permissions);
    }

    /** Takes back permissions an earlier version granted. */
    private void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
        grants.revoke(group, resource, resourceId, permissions);
    }
}
