package org.relay.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.lifecycle.LifecycleVariables;
import org.springframework.stereotype.Component;

/**
 * Service tasks "Send the invitations" and "Send the cancellations" (asynchronous, in the Msg_MeetingBooked and
 * Msg_MeetingCancelled event subprocesses): whatever the referral's meetings still need, read from Relay's record.
 */
@Component("sendMeetingMails")
class SendMeetingMails implements JavaDelegate {

    private final MeetingMailer mailer;

    SendMeetingMails(MeetingMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.sendPending(LifecycleVariables.referralId(execution));
    }
}
