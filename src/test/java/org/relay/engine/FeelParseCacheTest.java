package org.relay.engine;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decision tables evaluate through Relay's FEEL engine, which parses each text once and keeps no failures. */
class FeelParseCacheTest extends RelayIntegrationTest {

    @Autowired
    DecisionService decisionService;

    @Test
    void a_decision_evaluated_again_parses_nothing_new_and_answers_the_same() {
        FeelParseCache.CachingFeelEngine feel = feel();
        Map<String, Object> wealthy = Map.of("kind", "REFERRAL", "recordType", "PERSON_REFERRAL",
                "expressedInterest", "INVESTMENTS", "interestAmount", 2_500_000.0, "sourceChannel", "COLLEAGUE",
                "customerCity", "Springfield", "customerRegion", "Central", "existingCustomer", false);

        Object first = decisionService.evaluateDecisionByKey("ReferralRouting").variables(wealthy).evaluate()
                .getSingleResult().getEntryMap();
        int parsed = feel.size();
        Object second = decisionService.evaluateDecisionByKey("ReferralRouting").variables(wealthy).evaluate()
                .getSingleResult().getEntryMap();

        assertThat(parsed).isPositive();
        assertThat(feel.size()).isEqualTo(parsed);
        assertThat(second).isEqualTo(first);
        assertThat(((Map<?, ?>) second).get("assignee")).isEqualTo("wendy");
    }

    @Test
    void one_parsed_text_serves_every_evaluation_with_its_own_inputs() {
        var engine = dmnFeel();

        assertThat(engine.evaluateSimpleUnaryTests("[1..10]", "amount", amount(5))).isTrue();
        assertThat(engine.evaluateSimpleUnaryTests("[1..10]", "amount", amount(50))).isFalse();
        assertThat((Object) engine.evaluateSimpleExpression("amount * 2", amount(21))).isEqualTo(42L);
        assertThat((Object) engine.evaluateSimpleExpression("amount * 2", amount(5))).isEqualTo(10L);
    }

    @Test
    void a_text_that_does_not_parse_fails_every_time_and_is_not_kept() {
        var engine = dmnFeel();
        int before = feel().size();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> engine.evaluateSimpleUnaryTests("> > 3 ]", "amount", amount(5)))
                    .isInstanceOf(FeelException.class);
        }
        assertThat(feel().size()).isEqualTo(before);
    }

    private org.camunda.bpm.dmn.feel.impl.FeelEngine dmnFeel() {
        org.camunda.bpm.dmn.feel.impl.FeelEngine engine = ((ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration()).getDmnEngineConfiguration().getFeelEngine();
        assertThat(engine).isInstanceOf(FeelParseCache.CachingScalaFeelEngine.class);
        return engine;
    }

    private FeelParseCache.CachingFeelEngine feel() {
        return (FeelParseCache.CachingFeelEngine) ((FeelParseCache.CachingScalaFeelEngine) dmnFeel()).feel();
    }

    private static VariableContext amount(long value) {
        return Variables.createVariables().putValue("amount", value).asVariableContext();
    }
}
