package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The async step of ReferrerUpdateProcess: mails the referrer one turn (processes/referrer-update.bpmn). */
@Component("sendReferrerUpdate")
class SendReferrerUpdate implements JavaDelegate {

    private final ReferrerTurnRepository turns;
    private final ReferrerMails mails;

    SendReferrerUpdate(ReferrerTurnRepository turns, ReferrerMails mails) {
        this.turns = turns;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(ReferrerTurns.TURN_ID);
        // a turn gone with its referral's test data or erasure has nobody left to tell
        turns.findById(((Number) id).longValue()).ifPresent(mails::tell);
    }
}
