package org.relay.tasklist;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.relay.lifecycle.LifecycleVariables;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tasklist filters recipients work from, sorted by priority (the lead score) then due date: "My referrals"
 * always, and one per queue, created when a queue is configured. Idempotent: filters are matched by name.
 */
@Component
public class TasklistFilters {

    public static final String MY_REFERRALS = "My referrals";

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensureMyReferrals() {
        ensure(MY_REFERRALS, "Referrals assigned to me, best first", -10,
                byPriority(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    }

    public void ensureQueue(String groupId, String queueName) {
        ensure("Queue: " + queueName, "Everything in the " + queueName + " queue, best first", 10,
                byPriority(taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks()));
    }

    public void ensureAllReferrals() {
        ensure("All referrals", "Every open referral task you may see", 20,
                byPriority(taskService.createTaskQuery().processDefinitionKey(LifecycleVariables.PROCESS_KEY)));
    }

    private TaskQuery byPriority(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    private void ensure(String name, String description, int displayOrder, TaskQuery query) {
        Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (!properties(description, displayOrder).equals(existing.getProperties())) {
                existing.setProperties(properties(description, displayOrder));   // e.g. the list columns moved
                filterService.saveFilter(existing);
            }
            return;
        }
        Filter filter = filterService.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(properties(description, displayOrder));
        filterService.saveFilter(filter);
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
