package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;

/**
 * Async service task "Thank referrer" after a conversion, once the referrer's score counts it: sends the referrer's
 * "converted" mail — the thank-you, the opportunity, their record and what the owner shared — unless they chose the
 * daily digest (then the digest tells it). There is one such mail, not a thank-you beside a notification. A
 * conversion recorded before referrer updates existed (an instance that waited here across the upgrade) gets its
 * turn recorded now.
 */
@Component("thankReferrer")
class ThankReferrer implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final ReferrerTurnRepository turns;
    private final ReferrerTurns referrerTurns;
    private final ReferrerMails mails;

    ThankReferrer(ReferralRepository referrals, ReferralTimeline timeline, ReferrerTurnRepository turns,
                  ReferrerTurns referrerTurns, ReferrerMails mails) {
        this.referrals = referrals;
        this.timeline = timeline;
        this.turns = turns;
        this.referrerTurns = referrerTurns;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        timeline.of(referral).stream().filter(e -> e.getType() == ReferralEventType.CONVERTED)
                .reduce((first, second) -> second)
                .flatMap(converted -> turns.findByEventId(converted.getId())
                        .or(() -> referrerTurns.record(referral, converted)))
                .filter(turn -> turn.getDelivery() == ReferrerTurn.Delivery.NOW)
                .ifPresent(mails::tell);
    }
}
