package org.relay.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.relay.lifecycle.LifecycleVariables;
import org.springframework.stereotype.Component;

/**
 * Create listener of "Review referral": the routed user gets the task, and the queue (if routing chose one) sees it
 * as candidate group, so a colleague can pick it up if it is handed back.
 */
@Component("assignReviewTask")
class AssignReviewTask implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String user = LifecycleVariables.text(task, LifecycleVariables.RECIPIENT_USER);
        String queue = LifecycleVariables.text(task, LifecycleVariables.RECIPIENT_QUEUE);
        if (user != null) {
            task.setAssignee(user);
        }
        if (queue != null) {
            task.addCandidateGroup(queue);
        }
    }
}
