package org.relay.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.relay.monitoring.BusinessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail through Spring's {@link JavaMailSender} when {@code spring.mail.host} is configured. Without it (the
 * embedded demo default) mails are written to the log, so {@code mvn spring-boot:run} needs no SMTP server.
 * Exceptions propagate: the calling async service task retries and finally raises an incident.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JavaMailSender sender;
    private final String from;
    private final boolean demo;
    private final BusinessMetrics metrics;

    MailDelivery(ObjectProvider<JavaMailSender> sender, @Value("${relay.mail.from:relay@localhost}") String from,
                 @Value("${relay.demo.enabled:false}") boolean demo, @Value("${spring.mail.host:}") String host,
                 BusinessMetrics metrics) {
        this.metrics = metrics;
        // an empty host (the demo on PostgreSQL: RELAY_SMTP_HOST unset) still makes Spring build a sender: no SMTP
        this.sender = host.isBlank() ? null : sender.getIfAvailable();
        this.from = from;
        this.demo = demo;
    }

    void send(MailMessage message) {
        if (message.to().isEmpty()) {
            log.warn("A mail has no recipient with an email address; not sent");
            return;
        }
        if (sender == null) {
            // subjects and bodies name customers: only the addresses (masked in the log) and, at DEBUG, the text
            log.info("Mail not sent (no SMTP configured, set spring.mail.host) to {}", message.to());
            if (demo) {
                // the demo's outbox: the README's tour opens the one-click links from here (contact data stays masked)
                log.info("Unsent mail \"{}\":\n{}", message.subject(), message.text());
            } else {
                log.debug("Unsent mail text:\n{}", message.text());
            }
            return;
        }
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.to().toArray(String[]::new));
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            for (MailMessage.Attachment attachment : message.attachments()) {
                helper.addAttachment(attachment.fileName(),
                        new jakarta.mail.util.ByteArrayDataSource(attachment.content(), attachment.contentType()));
            }
            sender.send(mime);
        } catch (MessagingException e) {
            metrics.mailFailed();
            throw new MailSendException("Could not build a mail to " + message.to().size() + " recipient(s)", e);
        } catch (MailException e) {
            metrics.mailFailed();
            throw e;
        }
        metrics.mailSent();
    }
}
