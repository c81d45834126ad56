package org.relay.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The engine's history at level FULL, without the rows nobody reads (issue #27, docs/benchmarks.md).
 *
 * <p>Relay's record and its timeline are the referral's history; the engine's history serves Cockpit (activity
 * instances, incidents, the operation log), the reports' step durations and the reopen (a lifecycle's decided SLA).
 * Three kinds of rows serve none of them and were 40 % of the statements an imported lead cost:
 * <ul>
 * <li>a history detail ({@code act_hi_detail}) for every variable write — Camunda's audit of variable changes, which
 * Relay keeps on its timeline in words;</li>
 * <li>historic variables for the display copies Tasklist's list shows ({@code listCustomer} …, task-local,
 * configurable): copies of Relay's record, rewritten from it each time a task is created;</li>
 * <li>the decision history of the lifecycle's own tables (lead-score prior, SLA, routing; configurable): the timeline
 * says in words which rule routed a referral and what made its score.</li>
 * </ul>
 * A variable is left out of history by name, for every one of its events, so the engine never updates a history row
 * it did not insert. Everything else is written exactly as Camunda's own handler writes it.
 */
@Component
@ConditionalOnProperty(prefix = "relay.engine", name = "lean-history", havingValue = "true", matchIfMissing = true)
@WrittenFor(camunda = "7.24.0", switchedOffBy = "relay.engine.lean-history")
class LeanHistory extends AbstractProcessEnginePlugin {

    private final Set<String> variablesWithoutHistory;
    private final Set<String> decisionsWithoutHistory;

    LeanHistory(@Value("${relay.history.variables-without-history:listReference,listCustomer,listInterest,listValue,"
                        + "listLeadScore,listLastActivity}") Set<String> variablesWithoutHistory,
                @Value("${relay.history.decisions-without-history:LeadScorePrior,ReferralSla,ReferralRouting}")
                Set<String> decisionsWithoutHistory) {
        this.variablesWithoutHistory = Set.copyOf(variablesWithoutHistory);
        this.decisionsWithoutHistory = Set.copyOf(decisionsWithoutHistory);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new Handler(variablesWithoutHistory, decisionsWithoutHistory));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    /** Camunda's database handler, skipping what is described above. */
    static final class Handler extends DbHistoryEventHandler {

        private final Set<String> variablesWithoutHistory;
        private final Set<String> decisionsWithoutHistory;

        Handler(Set<String> variablesWithoutHistory, Set<String> decisionsWithoutHistory) {
            this.variablesWithoutHistory = variablesWithoutHistory;
            this.decisionsWithoutHistory = decisionsWithoutHistory;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable
                    && variablesWithoutHistory.contains(variable.getVariableName())) {
                return;
            }
            if (event instanceof HistoricDecisionEvaluationEvent decision
                    && decisionsWithoutHistory.contains(decision.getRootHistoricDecisionInstance().getDecisionDefinitionKey())) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return false;
        }
    }
}
