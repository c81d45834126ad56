package org.relay.notification;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.relay.i18n.Languages;
import org.relay.i18n.Texts;
import org.thymeleaf.context.Context;

import java.util.List;
import java.util.Locale;

/**
 * "Your new link": an advocate's or partner's page link that staff issued again (org.relay.referrerview), sent at
 * once. Throws when SMTP refuses it, so the caller can keep the older links working.
 */
@Component
public class ReferrerLinkMail {

    private final TemplateEngine templates;
    private final MailDelivery delivery;
    private final SentLog sentLog;
    private final Languages languages;
    private final Texts texts;

    ReferrerLinkMail(TemplateEngine templates, MailDelivery delivery, SentLog sentLog, Languages languages, Texts texts) {
        this.languages = languages;
        this.texts = texts;
        this.templates = templates;
        this.delivery = delivery;
        this.sentLog = sentLog;
    }

    /**
     * {@code eventKey} names this link (its hash), so the mail is recorded without the link itself. In the advocate's
     * language ({@link #language}, also for the caller's dates).
     */
    public void send(String email, String name, String link, String worksUntil, String brandName, String eventKey,
                     Locale language) {
        Context context = new Context(language);
        context.setVariable("name", name);
        context.setVariable("link", link);
        context.setVariable("linkUntil", worksUntil);
        context.setVariable("brandName", brandName);
        String subject = texts.get("mail.referrer-view-link.subject", language, brandName);
        delivery.send(new MailMessage(List.of(email), subject, templates.process("mail/referrer-view-link.txt", context).strip(),
                templates.process("mail/referrer-view-link", context).strip()));
        sentLog.sent(null, eventKey, email, subject);
    }

    /** The advocate's own language ("fr"), else the configured default. */
    public Locale language(String advocateLanguage) {
        return languages.orDefault(advocateLanguage);
    }
}
