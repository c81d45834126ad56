package org.relay.conversion;

import org.relay.i18n.StoredSentence;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Service task "Close as lost": records the reason picked in the Work referral form. */
@Component("closeReferral")
class CloseReferral implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;

    CloseReferral(ReferralRepository referrals, ReferralTimeline timeline) {
        this.referrals = referrals;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        String reason = LifecycleVariables.text(execution, LifecycleVariables.CLOSE_REASON);
        String note = LifecycleVariables.text(execution, LifecycleVariables.OUTCOME_NOTE);
        Instant now = timeline.record(referral, ReferralEventType.CLOSED_LOST, referral.getOwnerId(), reason,
                StoredSentence.asWritten(note));
        referral.closedLost(reason, note, now);
    }
}
