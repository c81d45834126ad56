package org.relay.scoring;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.relay.lifecycle.LifecycleTasks;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a referral and turns the scores into its task priority. Used when a referral is created and again when an
 * input changes: the referrer's record (a referral of theirs converted or closed), a new model, the SLA clock.
 */
@Service
public class ReferralScoring {

    private final LeadScorer scorer;
    private final ReferrerStandings standings;
    private final ReferralTimeline timeline;
    private final TaskService tasks;
    private final LifecycleTasks lifecycleTasks;
    private final RuntimeService runtime;
    private final Clock clock;

    ReferralScoring(LeadScorer scorer, ReferrerStandings standings, ReferralTimeline timeline, TaskService tasks,
                    LifecycleTasks lifecycleTasks, RuntimeService runtime, Clock clock) {
        this.scorer = scorer;
        this.standings = standings;
        this.timeline = timeline;
        this.tasks = tasks;
        this.lifecycleTasks = lifecycleTasks;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Scores the referral (recorded on it and its timeline) and returns the process variable the tasks' priority reads. */
    public Map<String, Object> score(Referral referral) {
        Integer referrerScore = standings.scoreOf(referral.getReferrer());
        LeadScore score = scorer.score(LeadFacts.of(referral, referrerScore));
        boolean changed = !Objects.equals(referral.getLeadScore(), score.score())
                || !Objects.equals(referral.getLeadScoreModel(), score.model());
        referral.scored(score.score(), score.factorText(), score.model(), referrerScore);
        if (changed) {
            timeline.record(referral, ReferralEventType.SCORED, null, score.model(), score.summary());
        }
        int priority = TaskPriority.of(score.score(), referrerScore, referral.getInterestAmount(), 0);
        referral.prioritised(priority);
        // the score, its grade and band stay on the referral (the SLA table reads the band from there, see
        // DecisionInputs); the engine keeps only what its tasks need
        Map<String, Object> variables = new HashMap<>();
        variables.put(LifecycleVariables.TASK_PRIORITY, priority);
        return variables;
    }

    /** Re-scores a referral whose process is already running, and re-prioritises its open tasks. */
    public void rescore(Referral referral) {
        Map<String, Object> variables = score(referral);
        String instance = referral.getProcessInstanceId();
        if (instance == null || runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
            return;
        }
        runtime.setVariables(instance, variables);
        reprioritise(referral);
    }

    /** Sets each open task's priority from the current scores and how much of that task's SLA is used up. */
    public void reprioritise(Referral referral) {
        if (referral.getProcessInstanceId() == null || referral.getLeadScore() == null) {
            return;
        }
        List<Task> open = lifecycleTasks.open(referral.getProcessInstanceId());
        for (Task task : open) {
            int priority = TaskPriority.of(referral.getLeadScore(), referral.getReferrerScoreAtIntake(),
                    referral.getInterestAmount(), slaUsed(task));
            referral.prioritised(priority);
            if (task.getPriority() != priority) {
                tasks.setPriority(task.getId(), priority);
            }
        }
    }

    private double slaUsed(Task task) {
        if (task.getDueDate() == null || task.getCreateTime() == null) {
            return 0;
        }
        long allowed = task.getDueDate().getTime() - task.getCreateTime().getTime();
        long used = clock.millis() - task.getCreateTime().getTime();
        return allowed <= 0 ? 1 : (double) used / allowed;
    }
}
