package org.relay.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.referral.ReferralRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Service task "Rescore open referrals": one page per transaction (the task is asynchronous and loops), so a
 * hundred thousand open referrals never become one huge transaction.
 */
@Component("rescoreOpenReferrals")
class RescoreOpenReferrals implements JavaDelegate {

    static final int PAGE = 200;
    private final ReferralRepository referrals;
    private final ReferralScoring scoring;

    RescoreOpenReferrals(ReferralRepository referrals, ReferralScoring scoring) {
        this.referrals = referrals;
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long after = ((Number) execution.getVariable("rescoreCursor")).longValue();
        var ids = referrals.openIdsAfter(after, PageRequest.of(0, PAGE));
        ids.forEach(id -> scoring.rescore(referrals.require(id)));
        execution.setVariable("rescoreCursor", ids.isEmpty() ? after : ids.get(ids.size() - 1));
        execution.setVariable("moreToRescore", ids.size() == PAGE);
        long done = execution.getVariable("rescored") == null ? 0 : ((Number) execution.getVariable("rescored")).longValue();
        execution.setVariable("rescored", done + ids.size());
    }
}
