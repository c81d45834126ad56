package org.relay.scoring;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The cold-start score: processes/lead-score-prior.dmn adds up points per matching rule. */
@Component
public class PriorLeadScore {

    static final String DECISION = "LeadScorePrior";
    private final DecisionService decisions;
    private final ProcessEngine engine;
    private volatile DmnEngine standaloneEngine;

    PriorLeadScore(DecisionService decisions, ProcessEngine engine) {
        this.decisions = decisions;
        this.engine = engine;
    }

    /** Scores one referral; the evaluation is kept in Camunda's decision history (Cockpit shows why). */
    public LeadScore of(LeadFacts facts) {
        return fromRules(decisions.evaluateDecisionByKey(DECISION).variables(inputs(facts)).evaluate());
    }

    /**
     * The latest prior table as a function that leaves no decision history: for judging the prior on thousands of
     * held-out referrals during training.
     */
    public Function<LeadFacts, LeadScore> withoutHistory() {
        DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION).latestVersion().singleResult();
        DmnEngine dmn = standalone();
        DmnDecision decision;
        try (InputStream xml = engine.getRepositoryService().getDecisionModel(definition.getId())) {
            decision = dmn.parseDecision(DECISION, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return facts -> fromRules(dmn.evaluateDecision(decision, inputs(facts)));
    }

    /** A DMN engine of its own: the process engine's would write decision history for every evaluation. */
    private DmnEngine standalone() {
        if (standaloneEngine == null) {
            standaloneEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        }
        return standaloneEngine;
    }

    static Map<String, Object> inputs(LeadFacts facts) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("kind", facts.kind());
        inputs.put("product", facts.product());
        inputs.put("source", facts.source());
        inputs.put("existingCustomer", facts.existingCustomer());
        inputs.put("hasPhone", facts.hasPhone());
        inputs.put("hasEmail", facts.hasEmail());
        inputs.put("interestValue", facts.interestAmount() == null ? null : facts.interestAmount().doubleValue());
        inputs.put("referrerTrackRecord", facts.referrerTrackRecord());
        return inputs;
    }

    static LeadScore fromRules(DmnDecisionResult result) {
        int score = 0;
        List<LeadScore.Factor> factors = new ArrayList<>();
        for (Map<String, Object> rule : result.getResultList()) {
            int points = ((Number) rule.get("points")).intValue();
            score += points;
            Object factor = rule.get("factor");
            if (factor != null && !factor.toString().isBlank() && points != 0) {
                factors.add(new LeadScore.Factor(factor.toString(), points));
            }
        }
        factors.sort(Comparator.comparingInt((LeadScore.Factor f) -> -Math.abs(f.points())));
        return new LeadScore(Math.max(0, Math.min(100, score)), LeadScore.PRIOR,
                List.copyOf(factors.subList(0, Math.min(3, factors.size()))));
    }
}
