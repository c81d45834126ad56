package org.relay.engine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The decision tables' FEEL, parsed once per expression instead of at every evaluation.
 *
 * <p>Camunda's FEEL integration hands each input entry, input expression and output entry to the FEEL engine as
 * text, and the engine parses it again every time: 3.5 % of a referral's creation, which evaluates the lead-score,
 * SLA and routing tables (docs/benchmarks.md). Relay's engine is Camunda's own with a parse cache in front; a parsed
 * expression is an immutable syntax tree, so it is shared by every evaluation. The texts come from deployed decision
 * tables, a bounded set; the cache starts over past {@link #MAX_EXPRESSIONS} all the same (a redeployment leaves
 * the old texts behind). Texts that do not parse are not kept, so they fail the same way each time.
 */
@Component
@ConditionalOnProperty(prefix = "relay.engine", name = "feel-parse-cache", havingValue = "true", matchIfMissing = true)
@WrittenFor(camunda = "7.24.0", feel = "1.19.5", switchedOffBy = "relay.engine.feel-parse-cache")
class FeelParseCache extends AbstractProcessEnginePlugin {

    static final int MAX_EXPRESSIONS = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return;   // the old JUEL-based FEEL: nothing of this applies
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // custom function providers are set on the DMN configuration later in the engine's start, so read them then
        dmn.setFeelEngineFactory(new Factory(dmn));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static final class Factory implements FeelEngineFactory {

        private final DefaultDmnEngineConfiguration dmn;

        Factory(DefaultDmnEngineConfiguration dmn) {
            this.dmn = dmn;
        }

        @Override
        public org.camunda.bpm.dmn.feel.impl.FeelEngine createInstance() {
            List<FeelCustomFunctionProvider> providers = dmn.getFeelCustomFunctionProviders();
            return new CachingScalaFeelEngine(providers == null ? List.of() : providers);
        }
    }

    /** Camunda's FEEL integration, on a FEEL engine that keeps what it parsed. */
    static final class CachingScalaFeelEngine extends ScalaFeelEngine {

        CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                             ValueMapper.CompositeValueMapper valueMapper) {
            return new CachingFeelEngine(functions, valueMapper);   // as Camunda's: external functions off
        }

        FeelEngine feel() {
            return feelEngine;
        }
    }

    static final class CachingFeelEngine extends FeelEngine {

        private final ConcurrentMap<String, Either<FeelEngine.Failure, ParsedExpression>> expressions =
                new ConcurrentHashMap<>();
        private final ConcurrentMap<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests =
                new ConcurrentHashMap<>();

        CachingFeelEngine(FunctionProvider functions, ValueMapper valueMapper) {
            super(functions, valueMapper, new FeelEngine.Configuration(false), FeelEngine.defaultClock());
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
            return cached(expressions, expression, super::parseExpression);
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
            return cached(unaryTests, expression, super::parseUnaryTests);
        }

        int size() {
            return expressions.size() + unaryTests.size();
        }

        private static Either<FeelEngine.Failure, ParsedExpression> cached(
                ConcurrentMap<String, Either<FeelEngine.Failure, ParsedExpression>> cache, String text,
                Function<String, Either<FeelEngine.Failure, ParsedExpression>> parse) {
            Either<FeelEngine.Failure, ParsedExpression> parsed = cache.get(text);
            if (parsed != null) {
                return parsed;
            }
            parsed = parse.apply(text);
            if (parsed.isRight()) {
                if (cache.size() >= MAX_EXPRESSIONS) {
                    cache.clear();
                }
                cache.put(text, parsed);
            }
            return parsed;
        }
    }
}
