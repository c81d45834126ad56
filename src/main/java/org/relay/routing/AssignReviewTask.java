package org.relay.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.sla.SlaTimers;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;

/**
 * Create listener of "Review referral": the routed user gets the task, the queue sees it as candidate group (so a
 * colleague can pick it up if it is handed back), and the due date is when the escalation timer fires.
 */
@Component("assignReviewTask")
class AssignReviewTask implements TaskListener {

    private final SlaTimers slaTimers;
    private final Clock clock;

    AssignReviewTask(SlaTimers slaTimers, Clock clock) {
        this.slaTimers = slaTimers;
        this.clock = clock;
    }

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
        task.setDueDate(Date.from(clock.instant().plus(slaTimers.reviewEscalationDuration())));
    }
}
