package org.relay.rewards;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.relay.common.ConflictException;
import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.relay.common.LifecycleInputException;
import org.relay.common.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Complete listener of "Approve reward": writes the manager's decision on the ledger. A refusal (no decision, a
 * rejection without a reason, a reward decided meanwhile) rolls the completion back and Tasklist shows one plain
 * sentence. The reason is transient: it goes to the ledger, not into the engine.
 */
@Component("recordRewardDecision")
class RecordRewardDecision implements TaskListener {

    private final RewardLedger ledger;
    private final RewardRepository rewards;
    private final RewardManagers managers;
    private final IdentityService identityService;

    RecordRewardDecision(RewardLedger ledger, RewardRepository rewards, RewardManagers managers,
                         IdentityService identityService) {
        this.ledger = ledger;
        this.rewards = rewards;
        this.managers = managers;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable(RewardApproval.DECIDED_THROUGH_API))) {
            return;
        }
        var authentication = identityService.getCurrentAuthentication();
        String actor = authentication == null ? null : authentication.getUserId();
        if (actor == null || !managers.isManager(actor)) {
            throw LifecycleInputException.of(List.of(), "problem.reward.managers-decide");
        }
        Object chosen = task.getVariable(RewardApproval.DECISION);
        RewardLedger.Decision decision;
        try {
            decision = RewardLedger.Decision.valueOf(String.valueOf(chosen).trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw LifecycleInputException.of(List.of(FieldProblem.of(RewardApproval.DECISION,
                    "problem.reward.decision-field")), "problem.reward.choose-decision");
        }
        Object reason = task.getVariable(RewardApproval.REASON);
        Long rewardId = ((Number) task.getVariable(RewardApproval.REWARD_ID)).longValue();
        String reference = rewards.findById(rewardId).map(Reward::getReference)
                .orElseThrow(() -> LifecycleInputException.of(List.of(), "problem.reward.gone"));
        try {
            ledger.decide(reference, decision, reason == null ? null : reason.toString(), actor);
        } catch (InvalidRequestException e) {
            throw new LifecycleInputException(LifecycleInputException.sentences(e.problems()), e.problems());
        } catch (ConflictException | NotFoundException e) {
            throw new LifecycleInputException(e.getMessage() + ".");
        }
        task.setVariable(RewardApproval.DECISION, decision.name());
    }
}
