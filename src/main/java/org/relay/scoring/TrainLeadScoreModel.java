package org.relay.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Train lead-score model" in processes/lead-score-training.bpmn. */
@Component("trainLeadScoreModel")
class TrainLeadScoreModel implements JavaDelegate {

    private final LeadScoreTraining training;

    TrainLeadScoreModel(LeadScoreTraining training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadScoreTraining.Outcome outcome = training.train();
        execution.setVariable("modelActivated", outcome.activated());
        execution.setVariable("trainingSummary", outcome.summary());
        outcome.model().ifPresent(model -> execution.setVariable("modelVersion", model.getVersion()));
        execution.setVariable("rescoreCursor", 0L);
    }
}
