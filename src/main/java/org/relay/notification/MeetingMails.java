package org.relay.notification;

import org.relay.i18n.StoredSentence;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogLabels;
import org.relay.common.RelayProperties;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mails of a meeting the customer booked on their status page: the invitation (templates mail/meeting-booked) and
 * its cancellation (mail/meeting-cancelled), to the customer and to the owner, each with the calendar file attached.
 * Each is sent once per event key and address, so a retried job does not repeat it; the words are in the templates,
 * the facts in the model the caller gives.
 */
@Component
public class MeetingMails {

    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final SentLog sentLog;
    private final ReferralTimeline timeline;
    private final Catalog catalog;
    private final RelayProperties properties;
    private final CatalogLabels labels;

    MeetingMails(TemplateEngine templates, MailDelivery delivery, SentLog sentLog, ReferralTimeline timeline,
                 Catalog catalog, RelayProperties properties, CatalogLabels labels) {
        this.labels = labels;
        this.templates = templates;
        this.delivery = delivery;
        this.sentLog = sentLog;
        this.timeline = timeline;
        this.catalog = catalog;
        this.properties = properties;
    }

    public boolean wasSent(String eventKey, String email) {
        return sentLog.wasSent(eventKey, email);
    }

    /**
     * Sends {@code template} (meeting-booked or meeting-cancelled) to one address with the calendar file, unless this
     * event already went there. {@code toCustomer} chooses the customer's or the owner's words, {@code language} their language.
     */
    public void send(Referral referral, String eventKey, String email, boolean toCustomer, String template,
                     String subject, Map<String, Object> model, MailMessage.Attachment calendarFile, Locale language) {
        if (email == null || email.isBlank() || sentLog.wasSent(eventKey, email)) {
            return;
        }
        Context context = new Context(language);
        context.setVariable("referral", referral);
        context.setVariable("toCustomer", toCustomer);
        context.setVariable("product", labels.product(referral.getExpressedInterest(), language));
        context.setVariable("taskLink", properties.publicUrl() + "/referrals/" + referral.getReferenceNumber() + "/task");
        context.setVariables(model);
        String text = templates.process("mail/" + template + ".txt", context);
        String html = templates.process("mail/" + template, context);
        delivery.send(new MailMessage(List.of(email), subject, text, html, List.of(calendarFile)));
        sentLog.sent(referral.getId(), eventKey, email, subject);
        timeline.record(referral, ReferralEventType.NOTIFIED, null, template,
                toCustomer ? StoredSentence.of("timeline.calendar-to-customer")
                        : StoredSentence.of("timeline.calendar-to", email));
    }
}
