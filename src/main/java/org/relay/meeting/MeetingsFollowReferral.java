package org.relay.meeting;

import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.relay.referral.CustomerDataErasing;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventRecorded;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A referral's meetings follow what becomes of it: closed as lost (withdrawn by the customer too) or merged into the
 * customer's other referral, its future meetings are cancelled and the customer and the owner get the calendar
 * cancellation; erased, the same, sent before the customer's address is overwritten. A conversion keeps them.
 *
 * <p>A close or merge is recorded inside the lifecycle's own step (or a deletion of it): the meetings are cancelled
 * just before that transaction commits, once the referral's status says how it ended, and the cancellation is told
 * to the lifecycle after the commit (Msg_MeetingCancelled: its asynchronous step sends the mails, retried) — or, when
 * no lifecycle takes it any more, sent directly, as for a meeting staff cancel on a closed referral.
 */
@Component
class MeetingsFollowReferral {

    private static final Logger log = LoggerFactory.getLogger(MeetingsFollowReferral.class);
    /** Who cancelled, on the meeting and the timeline, when Relay did it because the referral ended. */
    static final String RELAY = "relay";

    private final Meetings meetings;
    private final MeetingBookingRepository bookings;
    private final ReferralRepository referrals;
    private final MeetingMailer mailer;
    private final EntityManager entityManager;
    private final TransactionTemplate ownTransaction;

    MeetingsFollowReferral(Meetings meetings, MeetingBookingRepository bookings, ReferralRepository referrals,
                           MeetingMailer mailer, EntityManager entityManager, PlatformTransactionManager transactions) {
        this.meetings = meetings;
        this.bookings = bookings;
        this.referrals = referrals;
        this.mailer = mailer;
        this.entityManager = entityManager;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(ReferralEventRecorded recorded) {
        ReferralEventType type = recorded.event().getType();
        if ((type == ReferralEventType.CLOSED_LOST || type == ReferralEventType.MERGED)
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().putIfAbsent(recorded.referral().getId(), recorded.event().getActor());
        }
    }

    /** Erasure: cancel and mail now, in the erasing transaction, while the customer's address is still there. */
    @EventListener
    void on(CustomerDataErasing erasing) {
        for (Long referralId : erasing.referralIds()) {
            Referral referral = referrals.findById(referralId).orElse(null);
            if (referral == null || referral.getErasedAt() != null || cancelFuture(referral, RELAY) == 0) {
                continue;
            }
            try {
                mailer.sendPending(referralId);
            } catch (RuntimeException e) {
                // an erasure must not wait for SMTP: the meeting is cancelled in Relay either way
                log.warn("The meeting cancellation of erased referral {} could not be sent: {}", referralId, e.toString());
            }
        }
        // the erasure overwrites the referral's row with SQL next: nothing loaded here may be written back over it
        entityManager.flush();
        entityManager.clear();
    }

    /** The referrals closed or merged in this transaction, with who did it; decided just before it commits. */
    @SuppressWarnings("unchecked")
    private Map<Long, String> pending() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<Long, String>) bound;
        }
        Map<Long, String> pending = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            private final List<Long> cancelled = new java.util.ArrayList<>();

            @Override
            public void beforeCommit(boolean readOnly) {
                pending.forEach((referralId, actor) -> referrals.findById(referralId)
                        // a merge is recorded on both referrals: only the one closed as the duplicate ends
                        .filter(r -> r.getStatus() == ReferralStatus.CLOSED_LOST && r.getErasedAt() == null)
                        .filter(r -> cancelFuture(r, actor == null ? RELAY : actor) > 0)
                        .ifPresent(r -> cancelled.add(r.getId())));
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(MeetingsFollowReferral.this);
                if (status == STATUS_COMMITTED) {
                    cancelled.forEach(MeetingsFollowReferral.this::tellCancelled);
                }
            }
        });
        return pending;
    }

    /** Cancels the referral's standing meeting if it is still ahead; returns how many were cancelled (0 or 1). */
    private int cancelFuture(Referral referral, String by) {
        MeetingBooking standing = bookings.standingFor(referral.getId()).orElse(null);
        if (standing == null || !standing.getStartsAt().isAfter(meetings.now())) {
            return 0;
        }
        meetings.cancelQuietly(referral, standing, by, "the referral is closed");
        return 1;
    }

    /** After the commit: the lifecycle's step sends the cancellations if it still takes the message, else sent here. */
    private void tellCancelled(long referralId) {
        try {
            boolean told = Boolean.TRUE.equals(ownTransaction.execute(status -> referrals.findById(referralId)
                    .map(r -> meetings.tellLifecycle(r, Meetings.CANCELLED)).orElse(false)));
            if (told) {
                return;
            }
        } catch (MismatchingMessageCorrelationException e) {
            log.info("The lifecycle of referral {} ended while its meeting was cancelled: sending directly", referralId);
        } catch (RuntimeException e) {
            log.warn("The lifecycle of referral {} could not be told of its cancelled meeting: {}", referralId, e.toString());
        }
        mailer.sendPendingOutsideLifecycle(referralId);
    }
}
