package org.relay.tasklist;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.security.EngineGrants;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tasklist filters recipients work from, sorted by priority (the lead score) then due date: "My referrals"
 * always, and one per queue, created when a queue is configured. Each user sees the filters that concern them:
 * "My referrals" everyone (it lists only their own tasks), a queue's filter its members, "All referrals"
 * administrators. Idempotent: filters are matched by name.
 */
@Component
public class TasklistFilters {

    public static final String MY_REFERRALS = "My referrals";
    /** Stable names: the webapps show them translated (webapplocale.EngineNameTranslations matches them). */
    public static final String ALL_REFERRALS = "All referrals";
    public static final String QUEUE_FILTER_PREFIX = "Queue: ";

    private final FilterService filterService;
    private final TaskService taskService;
    private final EngineGrants grants;
    private final IdentityService identityService;

    TasklistFilters(FilterService filterService, TaskService taskService, EngineGrants grants,
                    IdentityService identityService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
        this.identityService = identityService;
    }

    /** At start: "My referrals" for everyone, and each existing queue filter for its queue's members. */
    @EventListener(ApplicationReadyEvent.class)
    public void ensureMyReferrals() {
        Filter mine = ensure(MY_REFERRALS, "Referrals assigned to me, best first", -10,
                byPriority(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        grants.grantToEveryone(Resources.FILTER, mine.getId(), Permissions.READ);
        for (Group group : identityService.createGroupQuery().list()) {
            Filter queue = filterService.createFilterQuery().filterName(queueFilterName(queueName(group))).singleResult();
            if (queue != null) {
                grants.grant(group.getId(), Resources.FILTER, queue.getId(), Permissions.READ);
            }
        }
    }

    public void ensureQueue(String groupId, String queueName) {
        Filter queue = ensure(queueFilterName(queueName), "Everything in the " + queueName + " queue, best first", 10,
                byPriority(taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks()));
        grants.grant(groupId, Resources.FILTER, queue.getId(), Permissions.READ);
    }

    public void ensureAllReferrals() {
        ensure(ALL_REFERRALS, "Every open referral task (administrators)", 20,
                byPriority(taskService.createTaskQuery().processDefinitionKey(LifecycleVariables.PROCESS_KEY)));
    }

    private static String queueFilterName(String queueName) {
        return QUEUE_FILTER_PREFIX + queueName;
    }

    private static String queueName(Group group) {
        return group.getName() == null ? group.getId() : group.getName();
    }

    private TaskQuery byPriority(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    private Filter ensure(String name, String description, int displayOrder, TaskQuery query) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (!properties(description, displayOrder).equals(existing.getProperties())) {
                existing.setProperties(properties(description, displayOrder));   // e.g. the list columns moved
                filterService.saveFilter(existing);
            }
            return existing;
        }
        Filter filter = filterService.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(properties(description, displayOrder));
        return filterService.saveFilter(filter);
    }

    private static Map<String, Object> properties(String description, int displayOrder) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", displayOrder);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                variable("listReference", "Reference"),
                variable("listCustomer", "Customer"),
                variable("listInterest", "Interest"),
                variable("listValue", "Value"),
                variable("listLeadScore", "Lead score"),
                variable("listLastActivity", "Last activity")));
        return properties;
    }

    private static Map<String, String> variable(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
