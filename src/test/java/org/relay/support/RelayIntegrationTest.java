package org.relay.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.relay.demo.DemoTeam;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of every Spring test: one context for the whole suite (same annotations everywhere), on real PostgreSQL,
 * with a real SMTP server (GreenMail) in-process. Each test starts from an empty Relay and engine runtime.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EmbeddedPostgresConfiguration.class, RelayTestData.class, ApiClientAsAdministrator.class})
public abstract class RelayIntegrationTest {

    private static final int SMTP_PORT = freePort();

    /** The SMTP server every mail of the suite goes to; {@link #restartSmtp()} replaces it after an outage test. */
    protected static GreenMail SMTP = startSmtp();

    @Autowired
    protected ProcessEngine processEngine;

    /** The demo bank's people and queues: Ryan, Bob, Alice, Jackie and the rest (see DemoTeam). */
    @Autowired
    protected DemoTeam bank;

    @Autowired
    protected RelayTestData data;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void startFromEmpty() throws Exception {
        BpmnAwareTests.init(processEngine);
        data.clear();
        bank.ensure();
        SMTP.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void resetAssertions() {
        BpmnAwareTests.reset();
    }

    /** Runs what the job executor would once the review task exists: the asynchronous "Notify recipient" step, which sends the mail. */
    protected void notifyRecipient(String processInstanceId) {
        var management = processEngine.getManagementService();
        var job = management.createJobQuery().processInstanceId(processInstanceId).activityId("Task_NotifyRecipient")
                .singleResult();
        if (job == null) {
            throw new AssertionError("No Task_NotifyRecipient job in process instance " + processInstanceId);
        }
        management.executeJob(job.getId());
    }

    /** Mails whose recipients include this address (GreenMail stores one copy per recipient: counted once). */
    protected static List<MimeMessage> mailsTo(String address) {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        try {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                for (Address recipient : message.getAllRecipients()) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        byId.putIfAbsent(message.getMessageID(), message);
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(byId.values());
    }

    /** Brings SMTP back on the same port after a test stopped it. */
    protected static void restartSmtp() {
        SMTP = startSmtp();
    }

    private static GreenMail startSmtp() {
        GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
