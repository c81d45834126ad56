package org.relay.notification;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** The open task of a given kind in the execution's process instance (null once it was completed). */
final class ReviewTasks {

    private ReviewTasks() {
    }

    static Task current(TaskService taskService, DelegateExecution execution) {
        return open(taskService, execution, "Task_ReviewReferral");
    }

    static Task open(TaskService taskService, DelegateExecution execution, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }
}
