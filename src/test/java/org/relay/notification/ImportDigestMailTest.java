package org.relay.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.routing.Recipient;
import org.relay.routing.RecipientRepository;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail for bulk work is a digest (issue #27): a CSV import reaches each recipient, and each member of a queue that
 * got leads as a whole, as one mail listing their new referrals, read back from a real SMTP server (GreenMail).
 */
class ImportDigestMailTest extends RelayIntegrationTest {

    private static final Pattern REFERENCE = Pattern.compile("^(REF-\\d+) ", Pattern.MULTILINE);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ReferralRepository referrals;
    @Autowired
    RecipientRepository recipients;
    @LocalServerPort
    int port;

    @Test
    void an_import_sends_one_mail_per_recipient_and_queue_member_listing_exactly_their_referrals_with_working_links()
            throws Exception {
        // Carlos and Dana (cards-and-loans) take three each; the rest goes to their queue as a whole
        capacity("carlos", 3);
        capacity("dana", 3);
        runImport(cards(10), instance -> { });

        Map<String, Set<String>> expected = expectedReferencesByRecipient();
        Assertions.assertThat(expected.keySet()).containsExactlyInAnyOrder("carlos", "dana");
        Assertions.assertThat(referrals.findAll()).filteredOn(r -> r.getOwnerId() == null).as("queue-routed rows").isNotEmpty();
        Assertions.assertThat(SMTP.getReceivedMessages()).as("10 leads, two people: two mails, not 10 or 14").hasSize(2);
        for (String user : expected.keySet()) {
            List<MimeMessage> mails = mailsTo(user + "@relay.example");
            Assertions.assertThat(mails).hasSize(1);
            String text = NotificationMailTest.text(mails.get(0));
            Assertions.assertThat(listed(text)).as(user).isEqualTo(expected.get(user));
            Assertions.assertThat(mails.get(0).getSubject()).isEqualTo(expected.get(user).size()
                    + " new referrals for you from campaign Spring cards");
            String html = NotificationMailTest.html(mails.get(0));
            Assertions.assertThat(html).contains("Lead ").contains("Credit card").contains("https://relay.test/actions/");
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "import-digest-" + user + ".html"), html);
        }

        // each line's Tasklist link opens that referral's review task; its Accept link is the recipient's own
        String text = NotificationMailTest.text(mailsTo("carlos@relay.example").get(0));
        Referral first = referrals.findAll().stream().filter(r -> "carlos".equals(r.getOwnerId())).findFirst().orElseThrow();
        String block = text.substring(text.indexOf(first.getReferenceNumber() + " "));
        Assertions.assertThat(block).contains("Open in Tasklist: https://relay.test/camunda/app/tasklist/default/#/?task="
                + review(first).getId());
        String accept = block.lines().filter(l -> l.trim().startsWith("Accept: ")).findFirst().orElseThrow()
                .trim().substring("Accept: https://relay.test".length());
        HttpResponse<String> page = get(accept);
        Assertions.assertThat(page.statusCode()).isEqualTo(200);
        Assertions.assertThat(page.body()).contains(first.getReferenceNumber()).contains("Lead ");
        Assertions.assertThat(post(accept).body()).contains("Referral accepted");
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(first.getProcessInstanceId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_WorkReferral");

        // no lifecycle of an imported lead has a "Notify recipient" job: still two mails, and each referral's timeline says so
        Assertions.assertThat(managementService.createJobQuery().activityId("Task_NotifyRecipient").count()).isZero();
        Assertions.assertThat(SMTP.getReceivedMessages()).hasSize(2);
        Assertions.assertThat(rest.getForObject("/api/referrals/" + first.getReferenceNumber(), String.class))
                .contains("Mail to carlos@relay.example");
    }

    @Test
    void a_single_rest_referral_still_gets_its_immediate_mail() {
        ResponseEntity<String> created = rest.withBasicAuth("ryan", "ryan").postForEntity("/api/referrals",
                json(RelayTestData.kiarasMortgage()), String.class);
        Assertions.assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Referral referral = referrals.findAll().get(0);
        notifyRecipient(referral.getProcessInstanceId());

        List<MimeMessage> mails = mailsTo("alice@relay.example");
        Assertions.assertThat(mails).hasSize(1);
        Assertions.assertThat(subject(mails.get(0))).isEqualTo("New mortgage referral " + referral.getReferenceNumber()
                + ": Kiara Thompson");
    }

    @Test
    void smtp_down_during_the_digest_retries_then_an_incident_then_a_retry_sends_each_mail_once() throws Exception {
        List<String> failedInstance = new ArrayList<>();
        runImport(cards(4), instance -> {
            SMTP.stop();
            try {
                for (int attempt = 0; attempt < 6 && finalDigest(instance).getRetries() > 0; attempt++) {
                    Job digest = finalDigest(instance);
                    Assertions.assertThatThrownBy(() -> managementService.executeJob(digest.getId()))
                            .hasStackTraceContaining("Mail server connection failed");
                    if (attempt == 0) {
                        Assertions.assertThat(finalDigest(instance).getRetries()).as("R5/PT1M").isEqualTo(4);
                    }
                }
                Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance).singleResult();
                Assertions.assertThat(incident.getActivityId()).isEqualTo("Task_SendFinalDigest");
            } finally {
                restartSmtp();
            }
            // Cockpit's Retry
            managementService.setJobRetries(finalDigest(instance).getId(), 1);
            failedInstance.add(instance);
        });

        Assertions.assertThat(failedInstance).hasSize(1);
        Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(failedInstance.get(0)).count()).isZero();
        Assertions.assertThat(mailsTo("carlos@relay.example")).hasSize(1);
        Assertions.assertThat(mailsTo("dana@relay.example")).hasSize(1);
        Assertions.assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    @Test
    void a_referral_accepted_or_escalated_before_the_digest_goes_out_is_not_listed() throws Exception {
        List<String> gone = new ArrayList<>();
        runImport(cards(6), instance -> {
            List<Referral> carlos = referrals.findAll().stream().filter(r -> "carlos".equals(r.getOwnerId()))
                    .sorted(java.util.Comparator.comparing(Referral::getReferenceNumber)).toList();
            Referral accepted = carlos.get(0);
            Referral escalated = carlos.get(1);
            taskService.complete(review(accepted).getId(), Map.of("reviewDecision", "accept"));
            Job escalation = managementService.createJobQuery().processInstanceId(escalated.getProcessInstanceId())
                    .activityId("Timer_ReviewEscalation").singleResult();
            managementService.executeJob(escalation.getId());
            gone.add(accepted.getReferenceNumber());
            gone.add(escalated.getReferenceNumber());
        });

        String text = NotificationMailTest.text(mailsTo("carlos@relay.example").get(0));
        Set<String> listed = listed(text);
        Assertions.assertThat(listed).doesNotContainAnyElementsOf(gone).hasSize(1);
        // the escalation is not bulk work: the managers heard of it at once, in its own mail
        Assertions.assertThat(mailsTo("jackie@relay.example")).extracting(ImportDigestMailTest::subject)
                .anySatisfy(s -> Assertions.assertThat(s).startsWith("Escalated to your queue").contains(gone.get(1)));
    }

    /** Credit-card leads: routed to cards-and-loans, that is Carlos and Dana. */
    private static String cards(int rows) {
        StringBuilder csv = new StringBuilder("Name,Email,Phone,Product,Amount\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Lead ").append(i).append(",lead").append(i).append("@mail.example,+1 555 010")
                    .append(String.format("%04d", i)).append(",Credit card,5000\n");
        }
        return csv.toString();
    }

    private void capacity(String user, int capacity) {
        Recipient recipient = recipients.findById(user).orElseGet(() -> new Recipient(user));
        recipient.update(capacity, false, true);
        recipients.save(recipient);
    }

    /**
     * Uploads the file and runs the import process's jobs one by one, with any lifecycle's "Notify recipient" job after
     * each (as the job executor would run them meanwhile); {@code beforeLastDigest} runs when only the import's last
     * digest is left, then that digest.
     */
    private void runImport(String csv, Consumer<String> beforeLastDigest) throws Exception {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "cards.csv";
            }
        });
        form.add("campaign", "Spring cards");
        form.add("requestedBy", "jackie");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> accepted = rest.postForEntity("/api/imports", new HttpEntity<>(form, headers), String.class);
        Assertions.assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        long id = json.readTree(accepted.getBody()).get("id").asLong();
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("IMPORT-" + id)
                .singleResult().getId();
        boolean hooked = false;
        for (int round = 0; round < 100; round++) {
            // the import's lanes each have their job; the job executor would run them side by side
            Job job = managementService.createJobQuery().processInstanceId(instance).list().stream().findFirst().orElse(null);
            if (job == null) {
                break;
            }
            if (!hooked && finalDigest(instance) != null) {
                hooked = true;
                Assertions.assertThat(SMTP.getReceivedMessages()).as("nothing mailed before the digest").isEmpty();
                beforeLastDigest.accept(instance);
            }
            managementService.executeJob(job.getId());
            for (Job taskReady : managementService.createJobQuery().activityId("Task_NotifyRecipient").list()) {
                managementService.executeJob(taskReady.getId());
            }
        }
        Assertions.assertThat(hooked).as("the import ended with its digest").isTrue();
    }

    /** Who must hear of which referral: the owner, or every member of the queue it went to as a whole. */
    private Map<String, Set<String>> expectedReferencesByRecipient() {
        Map<String, Set<String>> expected = new java.util.TreeMap<>();
        for (Referral referral : referrals.findAll()) {
            List<String> users = referral.getOwnerId() != null ? List.of(referral.getOwnerId())
                    : processEngine.getIdentityService().createUserQuery().memberOfGroup(referral.getQueueId()).list()
                    .stream().map(u -> u.getId()).toList();
            users.forEach(u -> expected.computeIfAbsent(u, k -> new TreeSet<>()).add(referral.getReferenceNumber()));
        }
        return expected;
    }

    private static Set<String> listed(String text) {
        Set<String> references = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            Assertions.assertThat(references.add(matcher.group(1))).as("listed once: " + matcher.group(1)).isTrue();
        }
        return references;
    }

    private Job finalDigest(String instance) {
        return managementService.createJobQuery().processInstanceId(instance).activityId("Task_SendFinalDigest")
                .singleResult();
    }

    private Task review(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
