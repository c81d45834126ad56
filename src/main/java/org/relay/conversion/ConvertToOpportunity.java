package org.relay.conversion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Service task "Convert to opportunity". Idempotent: a retried execution finds the opportunity it created
 * (one per referral, enforced by a unique key) instead of creating a second one.
 */
@Component("convertToOpportunity")
class ConvertToOpportunity implements JavaDelegate {

    private final ReferralRepository referrals;
    private final OpportunityRepository opportunities;
    private final ReferralTimeline timeline;

    ConvertToOpportunity(ReferralRepository referrals, OpportunityRepository opportunities, ReferralTimeline timeline) {
        this.referrals = referrals;
        this.opportunities = opportunities;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        if (opportunities.findByReferralId(referral.getId()).isPresent()) {
            return;
        }
        Object amountVariable = execution.getVariable(LifecycleVariables.OPPORTUNITY_AMOUNT);
        BigDecimal amount = amountVariable instanceof Number n ? new BigDecimal(n.toString()) : referral.getInterestAmount();
        String owner = referral.getOwnerId();
        Instant now = timeline.record(referral, ReferralEventType.CONVERTED, owner, null,
                LifecycleVariables.text(execution, LifecycleVariables.OUTCOME_NOTE));
        Opportunity opportunity = opportunities.save(new Opportunity(referral.getId(), referral.getExpressedInterest(),
                amount, referral.getInterestCurrency(), owner, now));
        referral.converted(now);
        execution.setVariable("opportunityId", opportunity.getId());
    }
}
