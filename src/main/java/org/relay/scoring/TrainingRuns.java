package org.relay.scoring;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.relay.common.ConflictException;
import org.relay.common.RunLocks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One lead-score training at a time, whoever starts it: an administrator (POST /api/scoring/training) or the nightly
 * timer (gateway "Already training?" in processes/lead-score-training.bpmn). Both take the training's run lock before
 * looking for a running training, so two starts at the same moment take turns and the second sees the first.
 */
@Component("trainingRuns")
public class TrainingRuns {

    static final String TRAINING_PROCESS = "LeadScoreTrainingProcess";
    static final String RETRAIN_MESSAGE = "LeadScoreRetrainRequested";

    private final RuntimeService runtime;
    private final RunLocks runLocks;

    TrainingRuns(RuntimeService runtime, RunLocks runLocks) {
        this.runtime = runtime;
        this.runLocks = runLocks;
    }

    /** Starts a training now; 409 while one is running. Returns its process instance id. */
    @Transactional
    public String startOnRequest() {
        runLocks.hold(RunLocks.LEAD_SCORE_TRAINING);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(TRAINING_PROCESS).active().count() > 0) {
            throw ConflictException.of("problem.scoring.training-running");
        }
        return runtime.startProcessInstanceByMessage(RETRAIN_MESSAGE).getId();
    }

    /** For the nightly start: is a training other than this one running? */
    @Transactional
    public boolean othersRunning(DelegateExecution execution) {
        runLocks.hold(RunLocks.LEAD_SCORE_TRAINING);
        return runtime.createProcessInstanceQuery().processDefinitionKey(TRAINING_PROCESS).active().list().stream()
                .anyMatch(instance -> !instance.getId().equals(execution.getProcessInstanceId()));
    }
}
