package org.relay.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.common.WithoutEngineUser;
import org.relay.i18n.Languages;
import org.relay.i18n.Texts;
import org.relay.i18n.UserLanguages;
import org.relay.notification.CustomerMails;
import org.relay.notification.MailMessage;
import org.relay.notification.MeetingMails;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.webform.WebFormProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends what a referral's meetings still need, read from Relay's record: the invitation (METHOD:REQUEST) of each
 * standing meeting to the customer and the owner, and the cancellation (METHOD:CANCEL, same UID, SEQUENCE + 1) of each
 * cancelled meeting to whoever had its invitation. Each mail goes once per address (MeetingMails), so a retried job, two
 * jobs close together or a booking cancelled before its invitation went all end in the right mails.
 */
@Component
class MeetingMailer {

    private static final Logger log = LoggerFactory.getLogger(MeetingMailer.class);

    private final MeetingBookingRepository bookings;
    private final ReferralRepository referrals;
    private final MeetingMails mails;
    private final IdentityService identityService;
    private final org.relay.calendar.BusinessCalendars calendars;
    private final MeetingProperties properties;
    private final WebFormProperties brand;
    private final String mailFrom;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Languages languages;
    private final UserLanguages userLanguages;
    private final Texts texts;

    MeetingMailer(MeetingBookingRepository bookings, ReferralRepository referrals, MeetingMails mails,
                  IdentityService identityService, org.relay.calendar.BusinessCalendars calendars,
                  MeetingProperties properties, WebFormProperties brand,
                  @Value("${relay.mail.from:relay@localhost}") String mailFrom, Clock clock,
                  PlatformTransactionManager transactions, Languages languages, UserLanguages userLanguages,
                  Texts texts) {
        this.languages = languages;
        this.userLanguages = userLanguages;
        this.texts = texts;
        this.bookings = bookings;
        this.referrals = referrals;
        this.mails = mails;
        this.identityService = identityService;
        this.calendars = calendars;
        this.properties = properties;
        this.brand = brand;
        this.mailFrom = mailFrom;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** From the lifecycle's asynchronous steps: an SMTP failure propagates, the job retries. */
    void sendPending(long referralId) {
        Referral referral = referrals.require(referralId);
        User owner = null;
        for (MeetingBooking booking : bookings.findByReferralIdOrderByStartsAtAsc(referralId)) {
            if (owner == null) {
                owner = owner(booking.getOwnerId());
            }
            send(referral, booking, owner);
        }
    }

    /** A cancellation where no lifecycle runs (the referral is closed): after the commit, logged if SMTP fails. */
    void sendPendingOutsideLifecycle(long referralId) {
        try {
            ownTransaction.executeWithoutResult(status -> sendPending(referralId));
        } catch (RuntimeException e) {
            log.warn("The meeting cancellation of referral {} could not be sent: {}", referralId, e.toString());
        }
    }

    private void send(Referral referral, MeetingBooking booking, User owner) {
        String customerEmail = referral.getCustomer().getEmail();
        String ownerEmail = owner == null || owner.getEmail() == null || owner.getEmail().isBlank() ? null : owner.getEmail();
        String ownerName = owner == null ? booking.getOwnerId() : org.relay.common.DirectoryNames.of(owner);
        String requestKey = "meeting-request:" + booking.getUid();
        String cancelKey = "meeting-cancel:" + booking.getUid();
        ZoneId zone = calendars.forRegion(referral.getCustomer().getRegion()).zone();
        Map<String, Object> model = new HashMap<>();
        model.put("brandName", brand.brandName());
        model.put("customerFirstName", CustomerMails.firstName(referral.getCustomer().getName()));
        model.put("ownerName", ownerName);
        model.put("ownerFirstName", owner == null || owner.getFirstName() == null ? ownerName : owner.getFirstName());
        model.put("ownerEmail", ownerEmail);
        model.put("starts", booking.getStartsAt().atZone(zone));
        model.put("ends", booking.getEndsAt().atZone(zone));
        model.put("location", properties.location());
        model.put("cancelledByCustomer", Meetings.CUSTOMER.equals(booking.getCancelledBy()));
        // cancelled because the request ended (closed, withdrawn, merged, erased): no "book another time"
        model.put("requestEnded", booking.isCancelled() && (!referral.getStatus().isOpen()
                || MeetingsFollowReferral.RELAY.equals(booking.getCancelledBy())));
        model.put("withdrawn", "WITHDRAWN_BY_CUSTOMER".equals(referral.getCloseReason()));
        CalendarInvitation invitation = invitation(referral, booking, ownerName, ownerEmail);
        MailMessage.Attachment file = new MailMessage.Attachment("invite.ics", invitation.contentType(),
                invitation.text().getBytes(StandardCharsets.UTF_8));
        // the customer in the language of their request, the owner in their own
        Locale customerLanguage = languages.orDefault(referral.getCustomerLanguage());
        Locale ownerLanguage = userLanguages.of(booking.getOwnerId());
        for (Recipient recipient : List.of(new Recipient(customerEmail, true, customerLanguage),
                new Recipient(ownerEmail, false, ownerLanguage))) {
            if (recipient.email() == null || recipient.email().isBlank()) {
                continue;
            }
            Map<String, Object> inLanguage = new HashMap<>(model);
            inLanguage.put("zoneName", zone.getDisplayName(java.time.format.TextStyle.FULL, recipient.language()));
            if (!booking.isCancelled()) {
                mails.send(referral, requestKey, recipient.email(), recipient.customer(), "meeting-booked",
                        subject(referral, recipient, false, ownerName), inLanguage, file, recipient.language());
            } else if (mails.wasSent(requestKey, recipient.email())) {
                mails.send(referral, cancelKey, recipient.email(), recipient.customer(), "meeting-cancelled",
                        subject(referral, recipient, true, ownerName), inLanguage, file, recipient.language());
            }
        }
    }

    private record Recipient(String email, boolean customer, Locale language) {
    }

    private String subject(Referral referral, Recipient recipient, boolean cancelled, String ownerName) {
        String key = "mail.meeting." + (recipient.customer() ? "customer" : "owner") + (cancelled ? ".cancelled" : ".booked")
                + ".subject";
        return texts.get(key, recipient.language(), brand.brandName(), ownerName, referral.getReferenceNumber(),
                referral.getCustomer().getName());
    }

    private CalendarInvitation invitation(Referral referral, MeetingBooking booking, String ownerName, String ownerEmail) {
        String customerName = referral.getCustomer().getName();
        String summary = brand.brandName() + ": " + customerName + " and " + ownerName;
        String description = "About the request " + referral.getReferenceNumber() + ". " + properties.location() + ".";
        return new CalendarInvitation(booking.isCancelled() ? CalendarInvitation.Method.CANCEL : CalendarInvitation.Method.REQUEST,
                booking.getUid(), booking.getSequence(), clock.instant(), booking.getStartsAt(), booking.getEndsAt(),
                summary, description, properties.location(),
                new CalendarInvitation.Person(ownerName, ownerEmail != null ? ownerEmail : mailFrom),
                new CalendarInvitation.Person(customerName,
                        referral.getCustomer().getEmail() == null ? mailFrom : referral.getCustomer().getEmail()));
    }

    private User owner(String ownerId) {
        return WithoutEngineUser.run(identityService, () -> identityService.createUserQuery().userId(ownerId).singleResult());
    }
}
