package org.relay.referral;

import org.relay.lifecycle.LifecycleVariables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.relay.common.ConflictException;
import org.relay.common.NotFoundException;
import org.springframework.stereotype.Component;

/** Finds a referral by reference number for the API, and the one task it currently waits in. */
@Component
public class ReferralLookup {

    private final ReferralRepository referrals;
    private final TaskService taskService;

    ReferralLookup(ReferralRepository referrals, TaskService taskService) {
        this.referrals = referrals;
        this.taskService = taskService;
    }

    public Referral require(String referenceNumber) {
        return referrals.findByReferenceNumber(referenceNumber)
                .orElseThrow(() -> new NotFoundException("No referral with reference number " + referenceNumber));
    }

    /** The review or work task of an open referral; 409 when the referral is closed. */
    public Task openTask(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKeyIn(LifecycleVariables.REVIEW_TASK, LifecycleVariables.WORK_TASK).list().stream().findFirst()
                .orElseThrow(() -> new ConflictException("Referral " + referral.getReferenceNumber()
                        + " has no open review or work task (it is " + referral.getStatus() + ")"));
    }
}
