package org.relay.rewards;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.IdentityService;
import org.relay.common.WithoutEngineUser;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Evaluates {@code processes/referral-rewards.dmn} (decision {@code ReferralRewards}): what a referrer earns for an
 * outcome. Inputs are read from Relay's record by the caller; the engine keeps nothing but the decision's history.
 */
@Component
public class RewardRules {

    public static final String DECISION_KEY = "ReferralRewards";

    /** One decided reward: points or an amount in a currency, whether a manager must approve, the rule's name. */
    public record Result(int points, BigDecimal amount, String currency, boolean approvalRequired, String rule) {

        boolean earnsSomething() {
            return points > 0 || (amount != null && amount.signum() > 0);
        }
    }

    /** The inputs of the table, as Relay knows them. */
    public record Facts(RewardReferrerType referrerType, String recordType, String product, ValueBand valueBand,
                        RewardOutcome outcome) {
    }

    private final DecisionService decisions;
    private final IdentityService identityService;

    RewardRules(DecisionService decisions, IdentityService identityService) {
        this.decisions = decisions;
        this.identityService = identityService;
    }

    /** The reward these facts earn, or empty when the table gives none (its last rule, or 0 points and no amount). */
    public Optional<Result> decide(Facts facts) {
        // Relay's own evaluation: the Tasklist user whose decision earned the reward holds no rights on the table
        DmnDecisionRuleResult entries = WithoutEngineUser.run(identityService, () -> decisions
                .evaluateDecisionTableByKey(DECISION_KEY, Variables.createVariables()
                        .putValue("referrerType", facts.referrerType().name())
                        .putValue("recordType", facts.recordType())
                        .putValue("product", facts.product())
                        .putValue("valueBand", facts.valueBand().name())
                        .putValue("outcome", facts.outcome().name()))
                .getSingleResult());
        if (entries == null) {
            return Optional.empty();
        }
        Number points = entries.getEntry("points");
        Number amount = entries.getEntry("amount");
        Boolean approval = entries.getEntry("approvalRequired");
        Result result = new Result(points == null ? 0 : points.intValue(),
                amount == null ? null : BigDecimal.valueOf(amount.doubleValue()).setScale(2, RoundingMode.HALF_UP),
                entries.getEntry("currency"), Boolean.TRUE.equals(approval), entries.getEntry("rule"));
        return result.earnsSomething() ? Optional.of(result) : Optional.empty();
    }
}
