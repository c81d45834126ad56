package org.relay.customerstatus;

import org.relay.common.RelayProperties;
import org.relay.links.AccessLinkPurpose;
import org.relay.links.AccessLinks;
import org.relay.notification.CustomerMails;
import org.relay.referral.ReferralRepository;
import org.relay.referral.StatusUpdatesRequested;
import org.relay.webform.WebFormProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer's confirmation with the link to their status page, for a referral whose customer agreed to status
 * updates (every web-form request with an email; an advisor's referral with customer.statusUpdates). Sent once the
 * referral is committed, so no mail ever names a request that was rolled back; the link is issued in the same small
 * transaction as the mail's record. A mail that cannot be sent is logged and the request stands: the customer
 * already has their reference on the thank-you page, and staff can see on the referral that no confirmation went.
 */
@Component
class ConfirmationMail {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationMail.class);

    private final AccessLinks links;
    private final ReferralRepository referrals;
    private final CustomerMails mails;
    private final RelayProperties relay;
    private final WebFormProperties brand;
    private final TransactionTemplate ownTransaction;
    private final java.time.Clock clock;

    ConfirmationMail(AccessLinks links, ReferralRepository referrals, CustomerMails mails, RelayProperties relay,
                     WebFormProperties brand, PlatformTransactionManager transactions, java.time.Clock clock) {
        this.clock = clock;
        this.links = links;
        this.referrals = referrals;
        this.mails = mails;
        this.relay = relay;
        this.brand = brand;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void send(StatusUpdatesRequested requested) {
        try {
            ownTransaction.executeWithoutResult(status -> referrals.findById(requested.referralId()).ifPresent(referral -> {
                String token = links.issue(AccessLinkPurpose.CUSTOMER_STATUS, referral.getId());
                mails.confirmation(referral, statusLink(token),
                        clock.instant().plus(links.lifetime(AccessLinkPurpose.CUSTOMER_STATUS)), brand.brandName());
            }));
        } catch (RuntimeException e) {
            log.warn("The confirmation of referral {} could not be sent: {}", requested.referralId(), e.toString());
        }
    }

    /**
     * A fresh link for the customer, sent with the confirmation again, in the caller's transaction: every older link
     * is revoked, so only the newest works. Returns until when it works; throws when SMTP refuses the mail (the
     * caller rolls back, and the older links stand).
     */
    java.time.Instant resend(org.relay.referral.Referral referral, String by) {
        links.revokeAll(AccessLinkPurpose.CUSTOMER_STATUS, referral.getId(), by);
        String token = links.issue(AccessLinkPurpose.CUSTOMER_STATUS, referral.getId());
        java.time.Instant until = clock.instant().plus(links.lifetime(AccessLinkPurpose.CUSTOMER_STATUS));
        mails.confirmation(referral, statusLink(token), until, brand.brandName(),
                "customer-confirmation:" + referral.getId() + ":" + AccessLinks.hashOf(token));
        return until;
    }

    String statusLink(String token) {
        return relay.publicUrl() + CustomerStatusPage.PATH + token;
    }
}
