package org.relay.sla;

import org.relay.lifecycle.LifecycleVariables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Read by the "Claimed?" gateway after the review warning timer: {@code ${reviewTaskState.isClaimed(execution)}}. */
@Component("reviewTaskState")
public class ReviewTaskState {

    private final TaskService taskService;

    ReviewTaskState(TaskService taskService) {
        this.taskService = taskService;
    }

    public boolean isClaimed(DelegateExecution execution) {
        Task review = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(LifecycleVariables.REVIEW_TASK).singleResult();
        return review != null && review.getAssignee() != null;
    }
}
