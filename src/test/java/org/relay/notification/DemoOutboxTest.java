package org.relay.notification;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.relay.monitoring.BusinessMetrics;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.List;

/**
 * Without an SMTP server (the embedded demo), each mail's subject, text and links reach the log at INFO, so the
 * README's tour step "open the Reject link from the mail" can be followed (#25, finding 10); outside the demo the
 * text, which names customers, stays at DEBUG.
 */
class DemoOutboxTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(MailDelivery.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final MailMessage mail = new MailMessage(List.of("bob@relay.example"), "New referral: Kiara Thompson",
            "Review it: http://localhost:8080/camunda/app/tasklist/#/?task=1\nReject: http://localhost:8080/actions/abc",
            "<p>Review it</p>");

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void the_demo_writes_each_unsent_mail_with_its_links_to_the_log_at_info() {
        delivery(true).send(mail);
        Assertions.assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.INFO)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(text -> text.contains("New referral: Kiara Thompson") && text.contains("Reject: http://localhost:8080/actions/abc"));
    }

    @Test
    void outside_the_demo_the_text_stays_below_info() {
        delivery(false).send(mail);
        Assertions.assertThat(logged.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(text -> text.contains("Kiara") || text.contains("/actions/"));
    }

    private static MailDelivery delivery(boolean demo) {
        return new MailDelivery(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "relay@localhost", demo, "",
                new BusinessMetrics(new SimpleMeterRegistry()));
    }
}
