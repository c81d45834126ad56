package org.relay.rewards;

import org.relay.i18n.StoredSentence;
import org.relay.referral.CustomerDataErasing;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventRecorded;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferrerType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Hooks the ledger into the one place a referral's turns are recorded (its timeline, the same moments the referrer
 * hears of): accepted, converted and opportunity won earn a reward; an opportunity lost or a reopened referral takes
 * back what its earlier outcome earned; an erasure takes back what was not yet paid of a referral it closes, and
 * anonymises a customer who was their own referrer. Runs in the recording transaction: the turn and its reward
 * commit or roll back together.
 */
@Component
class EarnRewards {

    static final String ERASED_REFERRER = "[erased]";

    private final RewardLedger ledger;
    private final RewardRepository rewards;
    private final ReferralRepository referrals;

    EarnRewards(RewardLedger ledger, RewardRepository rewards, ReferralRepository referrals) {
        this.ledger = ledger;
        this.rewards = rewards;
        this.referrals = referrals;
    }

    @EventListener
    void on(ReferralEventRecorded recorded) {
        ReferralEventType type = recorded.event().getType();
        Referral referral = recorded.referral();
        switch (type) {
            case ACCEPTED, CONVERTED, OPPORTUNITY_WON -> RewardOutcome.of(type)
                    .ifPresent(outcome -> ledger.earn(referral, outcome, recorded.event().getActor()));
            // the won deal fell through: what winning it earned is taken back
            case OPPORTUNITY_LOST -> ledger.reverseForReferral(referral.getId(), List.of(RewardOutcome.OPPORTUNITY_WON),
                    StoredSentence.of("rewards.reason.opportunity-lost"), actor(recorded));
            // a reopened referral starts its outcome again: a conversion or a win it earned is earned anew, if at all
            case REOPENED -> ledger.reverseForReferral(referral.getId(),
                    List.of(RewardOutcome.CONVERTED, RewardOutcome.OPPORTUNITY_WON), StoredSentence.of("rewards.reason.reopened"),
                    actor(recorded));
            default -> {
            }
        }
    }

    @EventListener
    void on(CustomerDataErasing erasing) {
        for (Long referralId : erasing.referralIds()) {
            Referral referral = referrals.findById(referralId).orElse(null);
            if (referral == null) {
                continue;
            }
            boolean closesIt = referral.getStatus().isOpen();
            for (Reward reward : rewards.findByReferralIdOrderByIdAsc(referralId)) {
                if (closesIt && reward.getStatus() != RewardStatus.PAID) {
                    ledger.reverse(reward, StoredSentence.of("rewards.reason.erased"), RewardLedger.SYSTEM);
                }
                if (referral.getReferrer() != null && referral.getReferrer().getType() == ReferrerType.CUSTOMER) {
                    reward.anonymise(ERASED_REFERRER);
                } else {
                    reward.forgetCustomer();
                }
            }
        }
    }

    private static String actor(ReferralEventRecorded recorded) {
        return recorded.event().getActor() == null ? RewardLedger.SYSTEM : recorded.event().getActor();
    }
}
