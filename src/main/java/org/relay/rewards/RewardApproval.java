package org.relay.rewards;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.relay.common.WithoutEngineUser;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The manager's side of a reward in the engine: {@code RewardApprovalProcess} (processes/reward-approval.bpmn),
 * business key the reward's reference, variables the reward's id and whether a cap held it — ids and decisions only;
 * the form reads the reward from Relay's API.
 */
@Component
class RewardApproval {

    static final String PROCESS_KEY = "RewardApprovalProcess";
    static final String TASK_ID = "Task_ApproveReward";
    static final String REWARD_ID = "rewardId";
    static final String HELD_FOR_CAP = "heldForCap";
    static final String DECISION = "rewardDecision";
    /** Transient: the manager's reason travels to the ledger, not into the engine. */
    static final String REASON = "rewardDecisionReason";
    /** Transient: the decision was already written through Relay's API; completing the task only closes it. */
    static final String DECIDED_THROUGH_API = "rewardDecidedThroughApi";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;

    RewardApproval(RuntimeService runtimeService, TaskService taskService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    void start(Reward reward) {
        // Relay's own step: whoever caused the outcome holds no rights on this process
        WithoutEngineUser.run(identityService, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                reward.getReference(), Map.of(REWARD_ID, reward.getId(), HELD_FOR_CAP, reward.isHeldForCap())));
    }

    /** Closes the manager's task after a decision made through the API (the ledger already has it). */
    void decidedThroughApi(Reward reward, RewardLedger.Decision decision) {
        WithoutEngineUser.run(identityService, () -> {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(reward.getReference())
                    .processDefinitionKey(PROCESS_KEY).singleResult();
            if (task != null) {
                taskService.complete(task.getId(), Variables.createVariables().putValue(DECISION, decision.name())
                        .putValueTyped(DECIDED_THROUGH_API, Variables.booleanValue(true, true)));
            } else {
                endInstances(reward, "Decided through Relay's API");
            }
            return null;
        });
    }

    /** The reward no longer waits for anyone (reversed meanwhile): its approval ends without a decision. */
    void end(Reward reward, String why) {
        WithoutEngineUser.run(identityService, () -> {
            endInstances(reward, why);
            return null;
        });
    }

    private void endInstances(Reward reward, String why) {
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reward.getReference()).list()) {
            runtimeService.deleteProcessInstance(instance.getId(), why == null ? "Reward no longer waits" : why, true, true);
        }
    }
}
