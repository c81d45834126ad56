package org.relay.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.relay.lifecycle.LifecycleTasks;
import org.springframework.stereotype.Component;

/** Read by the "Claimed?" gateway after the review warning timer: {@code ${reviewTaskState.isClaimed(execution)}}. */
@Component("reviewTaskState")
public class ReviewTaskState {

    private final LifecycleTasks lifecycleTasks;

    ReviewTaskState(LifecycleTasks lifecycleTasks) {
        this.lifecycleTasks = lifecycleTasks;
    }

    public boolean isClaimed(DelegateExecution execution) {
        return lifecycleTasks.review(execution.getProcessInstanceId())
                .map(review -> review.getAssignee() != null)
                .orElse(false);
    }
}
