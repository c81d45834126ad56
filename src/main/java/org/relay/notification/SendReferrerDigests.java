package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step of the daily digest process (working mornings): each referrer who chose the daily digest gets one mail with
 * the turns of their referrals since the last one. Runs whether or not the recipients' digest is enabled.
 */
@Component("sendReferrerDigests")
class SendReferrerDigests implements JavaDelegate {

    private final ReferrerTurnRepository turns;
    private final ReferrerMails mails;

    SendReferrerDigests(ReferrerTurnRepository turns, ReferrerMails mails) {
        this.turns = turns;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, List<ReferrerTurn>> byReferrer = new LinkedHashMap<>();
        for (ReferrerTurn turn : turns.waiting(ReferrerTurn.Delivery.DIGEST)) {
            byReferrer.computeIfAbsent(turn.getReferrerType() + ":" + turn.getReferrerId(), k -> new ArrayList<>()).add(turn);
        }
        byReferrer.values().forEach(mails::digest);
    }
}
