package org.relay.sla;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.relay.common.KnownUsers;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.DecisionInputs;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralLookup;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * A manager asks a running referral to follow the current SLA table: the table is evaluated again and the current
 * stage's timers and due date move, counted from when the stage began.
 */
@Service
public class SlaReplanning {

    public record Request(@NotBlank @Size(max = 64) String requestedBy) {
    }

    private final ReferralLookup lookup;
    private final DecisionService decisionService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final KnownUsers knownUsers;
    private final SlaPlanner planner;
    private final ReferralTimeline timeline;

    SlaReplanning(ReferralLookup lookup, DecisionService decisionService, RuntimeService runtimeService,
                  ManagementService managementService, TaskService taskService, KnownUsers knownUsers,
                  SlaPlanner planner, ReferralTimeline timeline) {
        this.lookup = lookup;
        this.decisionService = decisionService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.knownUsers = knownUsers;
        this.planner = planner;
        this.timeline = timeline;
    }

    @Transactional
    public Referral replan(String referenceNumber, Request request) {
        knownUsers.require(request.requestedBy(), "requestedBy");
        Referral referral = lookup.requireForChange(referenceNumber);
        Task task = lookup.openTask(referral);
        String instance = referral.getProcessInstanceId();
        Map<String, Object> sla = new HashMap<>(decisionService.evaluateDecisionByKey("ReferralSla")
                .variables(DecisionInputs.of(referral)).evaluate().getSingleResult().getEntryMap());
        SlaTerms terms = SlaTerms.from(sla);
        runtimeService.setVariable(instance, LifecycleVariables.SLA, sla);

        Instant stageStart = task.getCreateTime().toInstant();
        String detail;
        if (LifecycleVariables.REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
            SlaPlanner.ReviewDeadlines deadlines = planner.review(referral, terms, stageStart);
            runtimeService.setVariable(instance, LifecycleVariables.REVIEW_REMIND_AT, Date.from(deadlines.remindAt()));
            runtimeService.setVariable(instance, LifecycleVariables.REVIEW_ESCALATE_AT, Date.from(deadlines.escalateAt()));
            moveTimer(instance, "Timer_ReviewReminder", deadlines.remindAt());
            moveTimer(instance, "Timer_ReviewEscalation", deadlines.escalateAt());
            moveDueDate(task, deadlines.escalateAt());
            referral.reviewDue(deadlines.escalateAt());
            detail = "Review: reminder " + deadlines.remindAt() + ", escalation " + deadlines.escalateAt();
        } else {
            Instant idleAt = planner.workIdleAt(referral, terms, stageStart);
            runtimeService.setVariable(instance, LifecycleVariables.WORK_IDLE_AT, Date.from(idleAt));
            moveTimer(instance, "Timer_NoActivity", idleAt);
            moveDueDate(task, idleAt);
            detail = "Work: manager told if idle at " + idleAt;
        }
        timeline.record(referral, ReferralEventType.SLA_REPLANNED, request.requestedBy(), terms.rule(), detail);
        return referral;
    }

    /** A timer that already fired (a reminder sent) stays fired. */
    private void moveTimer(String instance, String timerId, Instant due) {
        Job job = managementService.createJobQuery().processInstanceId(instance).activityId(timerId).singleResult();
        if (job != null) {
            managementService.setJobDuedate(job.getId(), Date.from(due));
        }
    }

    private void moveDueDate(Task task, Instant due) {
        task.setDueDate(Date.from(due));
        taskService.saveTask(task);
    }
}
