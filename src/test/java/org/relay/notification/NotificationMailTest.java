package org.relay.notification;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.routing.Recipient;
import org.relay.routing.RecipientRepository;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.thymeleaf.TemplateEngine;

import java.time.Clock;
import java.util.List;

/** The mails recipients get, read back from a real SMTP server (GreenMail). */
class NotificationMailTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    RecipientRepository recipients;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    Notifications notifications;

    @Test
    void the_recipient_gets_the_referral_with_its_task_link_and_one_click_links() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        Task review = review(referral);
        notifyRecipient(referral.getProcessInstanceId());

        MimeMessage mail = mailsTo("alice@relay.example").get(0);
        Assertions.assertThat(mailsTo("alice@relay.example")).hasSize(1);
        Assertions.assertThat(mail.getSubject()).isEqualTo("New mortgage referral " + referral.getReferenceNumber() + ": Kiara Thompson");
        Assertions.assertThat(((MimeMultipart) mail.getContent()).getContentType()).startsWith("multipart/mixed");
        String html = html(mail);
        String text = text(mail);
        for (String body : List.of(html, text)) {
            Assertions.assertThat(body)
                    .contains("https://relay.test/camunda/app/tasklist/default/#/?task=" + review.getId())
                    .contains("https://relay.test/actions/")
                    .contains("Kiara Thompson")
                    .contains("USD 450,000")
                    .contains("Ryan Walsh")
                    .contains("referrer score 40; none of their referrals decided yet")
                    .contains("B · 74/100 — interest value 250k+ +12, referred by someone +10, phone given +8 (prior rules)")
                    .contains("referred by someone +10")
                    .contains("EST");
        }
        Assertions.assertThat(text).contains("Accept: https://relay.test/actions/").contains("Reject: https://relay.test/actions/");
    }

    @Test
    void each_member_of_a_queue_gets_a_mail_with_their_own_links() throws Exception {
        for (String member : List.of("alice", "bob", "mike")) {
            Recipient recipient = new Recipient(member);
            recipient.update(1, false, true);
            recipients.save(recipient);
            intake.create(RelayTestData.referral("Filler " + member, "MORTGAGE", "200000", "ryan"));
        }
        Referral queued = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(queued.getProcessInstanceId());

        List<String> links = new java.util.ArrayList<>();
        for (String member : List.of("alice", "bob", "mike")) {
            List<MimeMessage> mails = mailsTo(member + "@relay.example");
            Assertions.assertThat(mails).hasSize(1);
            Assertions.assertThat(mails.get(0).getAllRecipients()).hasSize(1);
            String text = text(mails.get(0));
            Assertions.assertThat(text).contains("waiting in your queue retail-lending");
            links.add(text.substring(text.indexOf("Accept: ")).lines().findFirst().orElseThrow());
        }
        Assertions.assertThat(links).doesNotHaveDuplicates();
    }

    @Test
    void a_customer_named_like_a_script_arrives_as_text() throws Exception {
        CreateReferralRequest request = RelayTestData.referral("<script>alert('x')</script> Smith", "MORTGAGE", "450000", "ryan");
        Referral referral = intake.create(request);
        notifyRecipient(referral.getProcessInstanceId());

        String html = html(mailsTo("alice@relay.example").get(0));
        Assertions.assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Smith");
    }

    @Test
    void a_retried_notification_does_not_send_the_same_mail_twice() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(referral.getProcessInstanceId());

        // as if the job ran again after a successful send
        notifications.referralAssigned(referrals.findById(referral.getId()).orElseThrow(), review(referral));

        Assertions.assertThat(mailsTo("alice@relay.example")).hasSize(1);
    }

    @Test
    void smtp_down_retries_then_an_incident_then_exactly_one_mail_once_it_is_back() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        String instance = referral.getProcessInstanceId();
        SMTP.stop();
        try {
            // the "Notify recipient" job sends the mail, so it is the one retried and then flagged
            Job notify = job(instance, "Task_NotifyRecipient");
            for (int attempt = 0; attempt < 6 && job(instance, "Task_NotifyRecipient").getRetries() > 0; attempt++) {
                Assertions.assertThatThrownBy(() -> managementService.executeJob(notify.getId()))
                        .hasStackTraceContaining("Mail server connection failed");
                if (attempt == 0) {
                    Assertions.assertThat(job(instance, "Task_NotifyRecipient").getRetries()).as("R5/PT1M").isEqualTo(4);
                }
            }
            Assertions.assertThat(job(instance, "Task_NotifyRecipient").getRetries()).isZero();
            Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
            Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_NotifyRecipient");
            // the referral itself is safe: the review task is there, waiting
            Assertions.assertThat(review(referral).getAssignee()).isEqualTo("alice");
            // and the node stays in service: a load balancer's health check does not depend on SMTP
            ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
            Assertions.assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            Assertions.assertThat(health.getBody()).contains("\"UP\"");
        } finally {
            restartSmtp();
        }

        Job failed = job(instance, "Task_NotifyRecipient");
        managementService.setJobRetries(failed.getId(), 1);
        managementService.executeJob(failed.getId());

        Assertions.assertThat(mailsTo("alice@relay.example")).hasSize(1);
        Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        Assertions.assertThat(job(instance, "Task_NotifyRecipient")).isNull();
    }

    @Test
    void the_daily_digest_lists_each_users_open_referrals_once_a_day(@Autowired TemplateEngine templates,
                                                                      @Autowired MailDelivery delivery,
                                                                      @Autowired SentLog sentLog,
                                                                      @Autowired Clock clock,
                                                                      @Autowired org.relay.i18n.UserLanguages userLanguages,
                                                                      @Autowired org.relay.i18n.Texts texts) throws Exception {
        intake.create(RelayTestData.referral("Kiara Thompson", "MORTGAGE", "450000", "ryan"));
        intake.create(RelayTestData.referral("Marcus Lee", "MORTGAGE", "80000", "ryan"));
        intake.create(RelayTestData.referral("Nadia Haddad", "MORTGAGE", "80000", "ryan"));
        intake.create(RelayTestData.referral("Oliver Grant", "MORTGAGE", "90000", "ryan"));
        SendDailyDigests digest = new SendDailyDigests(true, taskService, processEngine.getIdentityService(), templates,
                delivery, sentLog, new org.relay.common.RelayProperties("https://relay.test"), clock, userLanguages, texts);

        digest.execute(null);
        digest.execute(null);

        List<MimeMessage> alices = mailsTo("alice@relay.example");
        Assertions.assertThat(alices).hasSize(1);
        Assertions.assertThat(alices.get(0).getSubject()).isEqualTo("Your open referrals today: 2");
        String text = text(alices.get(0));
        Assertions.assertThat(text.indexOf("Kiara Thompson")).isLessThan(text.indexOf("Oliver Grant"));
        Assertions.assertThat(mailsTo("bob@relay.example")).hasSize(1);
        Assertions.assertThat(managementService.createJobQuery().processDefinitionKey("DailyDigestProcess").timers().count())
                .isEqualTo(1);
    }

    private Task review(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult();
    }

    private Job job(String instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
    }

    static String html(MimeMessage mail) throws Exception {
        return part(mail, "text/html");
    }

    static String text(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        String found = find((MimeMultipart) mail.getContent(), type);
        Assertions.assertThat(found).as(type + " part").isNotNull();
        return found;
    }

    private static String find(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        return null;
    }
}
