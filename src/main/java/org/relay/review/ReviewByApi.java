package org.relay.review;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogEntry;
import org.relay.common.ConflictException;
import org.relay.common.FieldProblem;
import org.relay.common.ForbiddenException;
import org.relay.common.InvalidRequestException;
import org.relay.lifecycle.LifecycleTasks;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.lifecycle.MovedMeanwhile;
import org.relay.referral.Referral;
import org.relay.referral.ReferralLookup;
import org.relay.routing.Reassignments;
import org.relay.security.Caller;
import org.relay.security.EngineActing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recipient accepts, rejects or reassigns a referral through the API, exactly as the Review form would. When
 * several try at once (two colleagues of a queue, a double-click, a retrying client), the referral's lock makes them
 * wait in turn: one decides and the others find the review done and get 409, never a 500.
 */
@Service
public class ReviewByApi {

    public enum Decision { ACCEPT, REJECT, REASSIGN }

    private final TaskService taskService;
    private final LifecycleTasks lifecycleTasks;
    private final EngineActing acting;
    private final Catalog catalog;
    private final ReferralLookup lookup;
    private final MovedMeanwhile movedMeanwhile;
    private final Reassignments reassignments;

    ReviewByApi(TaskService taskService, LifecycleTasks lifecycleTasks, EngineActing acting, Catalog catalog,
                ReferralLookup lookup, MovedMeanwhile movedMeanwhile, Reassignments reassignments) {
        this.reassignments = reassignments;
        this.taskService = taskService;
        this.lifecycleTasks = lifecycleTasks;
        this.acting = acting;
        this.catalog = catalog;
        this.lookup = lookup;
        this.movedMeanwhile = movedMeanwhile;
    }

    @Transactional
    public void decide(String referenceNumber, Caller caller, ReviewController.ReviewRequest request) {
        Referral referral = lookup.requireForChange(referenceNumber);
        Decision decision = request.decision();
        if (decision == Decision.REJECT && !Catalog.contains(catalog.rejectReasons(), request.rejectReason())) {
            throw InvalidRequestException.of("rejectReason", "problem.common.one-of",
                    catalog.rejectReasons().stream().map(CatalogEntry::code).toList().toString());
        }
        if (decision == Decision.REASSIGN) {
            // the Review form's rules, with this request's field names (the engine's listener would name form fields)
            List<FieldProblem> problems = reassignments.problems(caller.userId(),
                    Reassignments.target(request.toUser()), Reassignments.target(request.toQueue()), request.note(),
                    Reassignments.Fields.API);
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
        Task task = reviewTask(referral);
        if (!mayDecide(task, caller)) {
            throw task.getAssignee() != null
                    ? ForbiddenException.of("problem.review.assigned-to", caller.userId(), referral.getReferenceNumber(),
                    task.getAssignee())
                    : ForbiddenException.of("problem.review.in-another-queue", caller.userId(), referral.getReferenceNumber());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(LifecycleVariables.REVIEW_DECISION, decision.name().toLowerCase());
        variables.put(LifecycleVariables.REJECT_REASON, request.rejectReason());
        variables.put(LifecycleVariables.REVIEW_NOTE, Variables.stringValue(request.note(), true));   // on the timeline only
        variables.put(LifecycleVariables.REASSIGN_TO_USER, request.toUser());
        variables.put(LifecycleVariables.REASSIGN_TO_QUEUE, request.toQueue());
        movedMeanwhile.guard(task, referral.getReferenceNumber(), () -> acting.as(caller.userId(), () -> {
            if (task.getAssignee() == null) {
                taskService.claim(task.getId(), caller.userId());
            }
            taskService.complete(task.getId(), variables);
        }));
    }

    private Task reviewTask(Referral referral) {
        return lifecycleTasks.review(referral.getProcessInstanceId())
                .orElseThrow(() -> ConflictException.of("problem.review.not-waiting",
                        referral.getReferenceNumber(), referral.getStatus()));
    }

    private boolean mayDecide(Task task, Caller caller) {
        if (task.getAssignee() != null) {
            return caller.is(task.getAssignee());
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (caller.inGroup(link.getGroupId()) || caller.is(link.getUserId()))) {
                return true;
            }
        }
        return false;
    }
}
