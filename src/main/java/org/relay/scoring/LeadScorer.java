package org.relay.scoring;

import org.relay.catalog.Catalog;
import org.springframework.stereotype.Component;

/** Scores with the live trained model when there is one, otherwise with the prior table. */
@Component
public class LeadScorer {

    private final ActiveLeadScoreModel activeModel;
    private final PriorLeadScore prior;
    private final Catalog catalog;

    LeadScorer(ActiveLeadScoreModel activeModel, PriorLeadScore prior, Catalog catalog) {
        this.activeModel = activeModel;
        this.prior = prior;
        this.catalog = catalog;
    }

    public LeadScore score(LeadFacts facts) {
        return activeModel.current().map(model -> model.score(facts, catalog)).orElseGet(() -> prior.of(facts));
    }
}
