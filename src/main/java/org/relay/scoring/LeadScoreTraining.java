package org.relay.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Trains a lead-score model on Relay's own decided referrals and puts it live only if it ranks held-out referrals
 * better than the prior table. The most recently decided share of history is held out (time order, as the model
 * will score the future), and the same rows judge the prior, Odoo-style naive Bayes and the source-rate rule. The
 * live model is then refit on all of history with the same settings.
 */
@Service
public class LeadScoreTraining {

    private static final Logger log = LoggerFactory.getLogger(LeadScoreTraining.class);
    static final String ALGORITHM = "logistic regression (Tribuo LinearSGD, AdaGrad, one-hot features)";

    /** What a run did: the stored model row, or why nothing was trained. */
    public record Outcome(Optional<LeadScoreModelRecord> model, boolean activated, String summary) {
    }

    private final TrainingHistory history;
    private final PriorLeadScore prior;
    private final LeadScoreModelRepository models;
    private final ScoringProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    LeadScoreTraining(TrainingHistory history, PriorLeadScore prior, LeadScoreModelRepository models,
                      ScoringProperties properties, ObjectMapper json, Clock clock) {
        this.history = history;
        this.prior = prior;
        this.models = models;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Outcome train() {
        List<LeadFacts> rows = history.decidedReferrals();
        long converted = rows.stream().filter(r -> Boolean.TRUE.equals(r.converted())).count();
        long lost = rows.size() - converted;
        if (rows.size() < properties.minClosedReferrals() || converted < properties.minPerOutcome()
                || lost < properties.minPerOutcome()) {
            String why = "Not enough history yet: " + rows.size() + " decided referrals (" + converted + " converted, "
                    + lost + " lost); a model needs " + properties.minClosedReferrals() + " with at least "
                    + properties.minPerOutcome() + " of each outcome. The prior table keeps scoring.";
            log.info(why);
            return new Outcome(Optional.empty(), false, why);
        }
        int split = (int) Math.round(rows.size() * (1 - properties.holdoutShare()));
        List<LeadFacts> training = rows.subList(0, split);
        List<LeadFacts> holdout = rows.subList(split, rows.size());

        TrainedLeadScore candidate = LogisticRegressionFit.fit(training).weights();
        ModelQuality quality = ModelQuality.of(holdout, candidate::probability);
        Function<LeadFacts, LeadScore> priorTable = prior.withoutHistory();
        ModelQuality priorQuality = ModelQuality.of(holdout, f -> priorTable.apply(f).score() / 100.0);
        ModelQuality naiveBayes = ModelQuality.of(holdout, NaiveBayesBaseline.train(training)::probability);
        ModelQuality sourceRate = ModelQuality.of(holdout, SourceRateBaseline.train(training)::probability);

        boolean better = beatsPrior(quality, priorQuality);
        String decision = String.format("AUC %.3f on %d held-out referrals against the prior's %.3f (naive Bayes %.3f, "
                        + "source rate %.3f): %s", quality.auc(), holdout.size(), priorQuality.auc(), naiveBayes.auc(),
                sourceRate.auc(), better ? "live" : "not live, the prior ranks at least as well");
        int version = models.latestVersion() + 1;
        LeadScoreModelRecord record = new LeadScoreModelRecord(version,
                better ? LeadScoreModelRecord.Status.ACTIVE : LeadScoreModelRecord.Status.REJECTED, ALGORITHM,
                clock.instant(), training.size(), (int) training.stream().filter(r -> Boolean.TRUE.equals(r.converted())).count(),
                holdout.size(), decision);
        record.quality(quality.auc(), priorQuality.auc(), naiveBayes.auc(), sourceRate.auc(), quality.brier(),
                priorQuality.brier(), write(quality.calibration()));
        if (better) {
            LogisticRegressionFit.Fitted live = LogisticRegressionFit.fit(rows);
            Map<String, Double> weights = new HashMap<>(live.weights().weights());
            weights.put(ModelWeights.BIAS, live.weights().bias());
            record.model(write(weights), write(live.weights().baselines()), live.model().serialize().toByteArray());
            models.findFirstByStatus(LeadScoreModelRecord.Status.ACTIVE).ifPresent(LeadScoreModelRecord::retire);
            models.flush();
        }
        models.save(record);
        log.info("Lead-score model {}: {}", version, decision);
        return new Outcome(Optional.of(record), better, "Model " + version + ": " + decision);
    }

    /** The rule that puts a model live: it ranks the held-out referrals strictly better than the prior table. */
    static boolean beatsPrior(ModelQuality model, ModelQuality prior) {
        return model.auc() > prior.auc();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
