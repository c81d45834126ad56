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

    /** Of these event keys, those already mailed to this recipient (read in the caller's transaction). */
    @Transactional(readOnly = true)
    public java.util.Set<String> alreadySent(java.util.List<String> eventKeys, String recipient) {
        java.util.Set<String> found = new java.util.HashSet<>();
        for (int from = 0; from < eventKeys.size(); from += 1000) {
            found.addAll(sent.sentAmong(eventKeys.subList(from, Math.min(from + 1000, eventKeys.size())), recipient));
        }
        return found;
    }

    /** One digest mail announced many referrals: each is marked as its own mail would be, in one transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sentAll(java.util.Map<String, Long> referralIdsByEventKey, String recipient, String subject) {
        java.time.Instant at = clock.instant();
        sent.saveAll(referralIdsByEventKey.entrySet().stream()
                .map(e -> new NotificationSent(e.getValue(), e.getKey(), recipient, subject, at)).toList());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(Long referralId, String eventKey, String recipient, String subject) {
        sent.save(new NotificationSent(referralId, eventKey, recipient, subject, clock.instant()));
    }
}
