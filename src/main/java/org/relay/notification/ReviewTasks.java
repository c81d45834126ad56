package org.relay.notification;

import org.relay.lifecycle.LifecycleVariables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** The review task open in the execution's process instance (null once it was completed). */
final class ReviewTasks {

    private ReviewTasks() {
    }

    static Task current(TaskService taskService, DelegateExecution execution) {
        return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(LifecycleVariables.REVIEW_TASK).singleResult();
    }
}
