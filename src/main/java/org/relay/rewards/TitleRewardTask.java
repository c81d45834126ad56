package org.relay.rewards;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of "Approve reward": the card in Tasklist's list says whose reward it is and which one
 * ("Approve reward: Lena Ortiz (Ortiz Realty), RWD-000001"), so a manager with several waiting tells them apart
 * without opening each. Like the referral tasks' titles, only those who may read the task read it; the viewer's
 * language translates the part before the separator (org.relay.webapplocale).
 */
@Component("titleRewardTask")
class TitleRewardTask implements TaskListener {

    private final RewardRepository rewards;

    TitleRewardTask(RewardRepository rewards) {
        this.rewards = rewards;
    }

    @Override
    public void notify(DelegateTask task) {
        Object id = task.getVariable(RewardApproval.REWARD_ID);
        rewards.findById(((Number) id).longValue()).ifPresent(reward -> task.setName(task.getName() + ": "
                + (reward.getReferrerName() == null ? reward.getReferrerId() : reward.getReferrerName()) + ", "
                + reward.getReference()));
    }
}
