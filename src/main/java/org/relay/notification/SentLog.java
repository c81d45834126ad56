package org.relay.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Remembers each mail the moment it was handed to SMTP, in its own transaction: if the job that sent it fails
 * afterwards and is retried, the mail is not sent again. The check reads in the caller's transaction, which sees
 * every committed mark; a transaction of its own took a second pooled connection, a begin and a commit per mail.
 */
@Component
class SentLog {

    private final NotificationSentRepository sent;
    private final Clock clock;

    SentLog(NotificationSentRepository sent, Clock clock) {
        this.sent = sent;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean wasSent(String eventKey, String recipient) {
        return sent.countByEventKeyAndRecipient(eventKey, recipient) > 0;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(Long referralId, String eventKey, String recipient, String subject) {
        sent.save(new NotificationSent(referralId, eventKey, recipient, subject, clock.instant()));
    }
}
