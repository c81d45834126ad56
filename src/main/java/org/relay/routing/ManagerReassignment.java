package org.relay.routing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.relay.common.KnownUsers;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.lifecycle.MovedMeanwhile;
import org.relay.referral.Referral;
import org.relay.referral.ReferralLookup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A manager (or anyone acting for the recipient) hands a referral to another user or queue, with a note. While it
 * waits for review, this completes the review task as a reassignment; while it is being worked, a message moves it
 * back to review for the new recipient. Either way the new recipient is notified and must accept.
 */
@Service
public class ManagerReassignment {

    public record Request(@NotBlank @Size(max = 64) String requestedBy, @Size(max = 64) String toUser,
                          @Size(max = 64) String toQueue, @Size(max = 2000) String note) {
    }

    static final String MESSAGE = "ReferralReassigned";

    private final ReferralLookup lookup;
    private final Reassignments reassignments;
    private final KnownUsers knownUsers;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final MovedMeanwhile movedMeanwhile;

    ManagerReassignment(ReferralLookup lookup, Reassignments reassignments, KnownUsers knownUsers,
                        TaskService taskService, RuntimeService runtimeService, MovedMeanwhile movedMeanwhile) {
        this.movedMeanwhile = movedMeanwhile;
        this.lookup = lookup;
        this.reassignments = reassignments;
        this.knownUsers = knownUsers;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public Referral reassign(String referenceNumber, Request request) {
        Referral referral = lookup.requireForChange(referenceNumber);
        String toUser = Reassignments.target(request.toUser());
        String toQueue = Reassignments.target(request.toQueue());
        List<FieldProblem> problems = new ArrayList<>();
        if (!knownUsers.exists(request.requestedBy())) {
            problems.add(knownUsers.problem(request.requestedBy(), "requestedBy"));
        }
        problems.addAll(reassignments.problems(request.requestedBy(), toUser, toQueue, request.note(),
                Reassignments.Fields.API));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Task task = lookup.openTask(referral);
        if (LifecycleVariables.REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
            movedMeanwhile.guard(task, referenceNumber,
                    () -> completeReviewAsReassignment(task, request.requestedBy(), toUser, toQueue, request.note()));
        } else {
            Reassignments.Target target = reassignments.record(referral, request.requestedBy(), toUser, toQueue,
                    request.note());
            Map<String, Object> routing = new HashMap<>();
            routing.put(LifecycleVariables.RECIPIENT_USER, target.user());
            routing.put(LifecycleVariables.RECIPIENT_QUEUE, target.queue());
            movedMeanwhile.guard(task, referenceNumber, () -> runtimeService.createMessageCorrelation(MESSAGE)
                    .processInstanceId(referral.getProcessInstanceId()).setVariables(routing).correlate());
        }
        return referral;
    }

    private void completeReviewAsReassignment(Task task, String by, String toUser, String toQueue, String note) {
        Map<String, Object> decision = new HashMap<>();
        decision.put(LifecycleVariables.REVIEW_DECISION, "reassign");
        decision.put(LifecycleVariables.REASSIGN_TO_USER, toUser);
        decision.put(LifecycleVariables.REASSIGN_TO_QUEUE, toQueue);
        decision.put(LifecycleVariables.REVIEW_NOTE, Variables.stringValue(note, true));   // on the timeline, not in the engine
        // Relay completes it (managers hold no engine rights on others' tasks); the listener records the manager
        decision.put(LifecycleVariables.DECIDED_BY, Variables.stringValue(by, true));
        taskService.complete(task.getId(), decision);
    }
}
