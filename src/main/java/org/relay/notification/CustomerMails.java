package org.relay.notification;

import org.relay.i18n.StoredSentence;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.calendar.BusinessCalendars;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogLabels;
import org.relay.i18n.Languages;
import org.relay.i18n.LocalFormats;
import org.relay.i18n.Texts;
import org.relay.i18n.UserLanguages;
import org.relay.common.RelayProperties;
import org.relay.common.WithoutEngineUser;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mails of the customer's status page: the customer's confirmation with their link, and what the customer did
 * there (a message, a withdrawal) told to the referral's owner, or to every member of its queue while it has none.
 * Rendered like {@link Notifications} (Thymeleaf, HTML and text, every value escaped); each sent once per event and
 * address, so a retried job does not repeat it. The customer's mail greets them by first name only.
 */
@Component
public class CustomerMails {

    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final SentLog sentLog;
    private final IdentityService identityService;
    private final ReferralTimeline timeline;
    private final Catalog catalog;
    private final RelayProperties properties;
    private final CatalogLabels labels;
    private final Languages languages;
    private final LocalFormats formats;
    private final Texts texts;
    private final BusinessCalendars calendars;
    private final UserLanguages userLanguages;

    CustomerMails(TemplateEngine templates, MailDelivery delivery, SentLog sentLog, IdentityService identityService,
                  ReferralTimeline timeline, Catalog catalog, RelayProperties properties, CatalogLabels labels,
                  Languages languages, LocalFormats formats, Texts texts, BusinessCalendars calendars,
                  UserLanguages userLanguages) {
        this.userLanguages = userLanguages;
        this.labels = labels;
        this.languages = languages;
        this.formats = formats;
        this.texts = texts;
        this.calendars = calendars;
        this.templates = templates;
        this.delivery = delivery;
        this.sentLog = sentLog;
        this.identityService = identityService;
        this.timeline = timeline;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** "We have your request": to the customer, with the link to their status page and until when it works. */
    public void confirmation(Referral referral, String statusLink, Instant linkExpires, String brandName) {
        confirmation(referral, statusLink, linkExpires, brandName, "customer-confirmation:" + referral.getId());
    }

    /**
     * The same confirmation under its own {@code eventKey}: a fresh link staff send again is a mail of its own. Throws
     * when SMTP refuses it (the caller decides whether the link stands).
     */
    public void confirmation(Referral referral, String statusLink, Instant linkExpires, String brandName, String eventKey) {
        String email = referral.getCustomer().getEmail();
        if (email == null || email.isBlank()) {
            return;
        }
        Locale language = languages.orDefault(referral.getCustomerLanguage());
        String subject = texts.get("mail.customer-confirmation.subject", language, brandName, referral.getReferenceNumber());
        ZoneId zone = calendars.forRegion(referral.getCustomer().getRegion()).zone();
        Map<String, Object> model = new HashMap<>();
        model.put("firstName", firstName(referral.getCustomer().getName()));
        model.put("brandName", brandName);
        model.put("statusLink", statusLink);
        model.put("linkWorksUntil", formats.date(linkExpires, zone, language));
        send(referral, eventKey, email, "customer-confirmation", subject, model,
                StoredSentence.of("timeline.customer-confirmation"), language);
    }

    /** The customer wrote on their status page: the message, to the owner (or the queue), each in their language. */
    public void customerMessage(Referral referral, long activityId, String message, Instant sentAt) {
        ZoneId zone = calendars.forRegion(referral.getCustomer().getRegion()).zone();
        for (User user : owners(referral)) {
            Locale language = userLanguages.of(user.getId());
            String subject = texts.get("mail.customer-message.subject", language, referral.getCustomer().getName(),
                    referral.getReferenceNumber());
            send(referral, "customer-message:" + activityId, user.getEmail(), "customer-message", subject, Map.of(
                    "message", message, "sentAt", formats.dateTime(sentAt, zone, language)),
                    StoredSentence.of("timeline.customer-message-to", user.getEmail()), language);
        }
    }

    /** The customer withdrew their request on the status page: the owner (or the queue) is told it is closed. */
    public void customerWithdrew(Referral referral) {
        for (User user : owners(referral)) {
            Locale language = userLanguages.of(user.getId());
            String subject = texts.get("mail.customer-withdrew.subject", language, referral.getCustomer().getName(),
                    referral.getReferenceNumber());
            send(referral, "customer-withdrew:" + referral.getId() + ":" + referral.getClosedAt(), user.getEmail(),
                    "customer-withdrew", subject, Map.of(), StoredSentence.of("timeline.customer-withdrew-told", user.getEmail()), language);
        }
    }

    private void send(Referral referral, String eventKey, String email, String template, String subject,
                      Map<String, Object> model, String what, Locale language) {
        if (sentLog.wasSent(eventKey, email)) {
            return;
        }
        Context context = new Context(language);
        context.setVariable("referral", referral);
        context.setVariable("product", labels.product(referral.getExpressedInterest(), language));
        context.setVariable("taskLink", properties.publicUrl() + "/referrals/" + referral.getReferenceNumber() + "/task");
        context.setVariables(model);
        String text = templates.process("mail/" + template + ".txt", context);
        String html = templates.process("mail/" + template, context);
        delivery.send(new MailMessage(List.of(email), subject, text, html));
        sentLog.sent(referral.getId(), eventKey, email, subject);
        timeline.record(referral, ReferralEventType.NOTIFIED, null, template, what);
    }

    /** The owner; while nobody owns it, every member of its queue: those with an address. */
    private List<User> owners(Referral referral) {
        List<User> users = WithoutEngineUser.run(identityService, () -> referral.getOwnerId() != null
                ? identityService.createUserQuery().userId(referral.getOwnerId()).list()
                : referral.getQueueId() == null ? List.<User>of()
                : identityService.createUserQuery().memberOfGroup(referral.getQueueId()).list());
        return users.stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).toList();
    }

    /** The first word of the customer's name: what the customer's mail and page call them. */
    public static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.trim().split("\\s+")[0];
    }
}
