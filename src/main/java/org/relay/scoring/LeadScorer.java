package org.relay.scoring;

import org.springframework.stereotype.Component;

/** Scores with the live trained model when there is one, otherwise with the prior table. */
@Component
public class LeadScorer {

    private final ActiveLeadScoreModel activeModel;
    private final PriorLeadScore prior;

    LeadScorer(ActiveLeadScoreModel activeModel, PriorLeadScore prior) {
        this.activeModel = activeModel;
        this.prior = prior;
    }

    public LeadScore score(LeadFacts facts) {
        return activeModel.current().map(model -> model.score(facts)).orElseGet(() -> prior.of(facts));
    }
}
