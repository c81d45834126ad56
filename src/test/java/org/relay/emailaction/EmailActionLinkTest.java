package org.relay.emailaction;

import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;

/** One-click Accept/Reject from the mail, clicked over HTTP as a mail client would. */
class EmailActionLinkTest extends RelayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    TaskService taskService;

    @Autowired
    EmailActions emailActions;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void the_accept_link_shows_a_confirmation_and_the_post_completes_the_review_as_tasklist_would() throws Exception {
        Referral referral = mailed();
        String accept = link("Accept");

        HttpResponse<String> page = get(accept);
        Assertions.assertThat(page.statusCode()).isEqualTo(200);
        // what the mail promised: customer, interest and value, lead score, in the bank's branding
        Assertions.assertThat(page.body()).contains("Accept this referral?").contains(referral.getReferenceNumber())
                .contains("Kiara Thompson").contains("USD 450,000").contains("/100").contains("Relay Bank");
        Assertions.assertThat(review(referral)).as("a GET changes nothing").isNotNull();

        HttpResponse<String> done = post(accept, Map.of());
        Assertions.assertThat(done.statusCode()).isEqualTo(200);
        Assertions.assertThat(done.body()).contains("Referral accepted");
        Task work = taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();
        Assertions.assertThat(work.getTaskDefinitionKey()).isEqualTo("Task_WorkReferral");
        Assertions.assertThat(work.getAssignee()).isEqualTo("alice");
        Assertions.assertThat(referrals.findById(referral.getId()).orElseThrow().getStatus()).isEqualTo(ReferralStatus.ACCEPTED);

        HttpResponse<String> replay = post(accept, Map.of());
        Assertions.assertThat(replay.statusCode()).isEqualTo(410);
        Assertions.assertThat(replay.body()).contains("already been used");
    }

    @Test
    void the_reject_link_asks_for_a_reason_and_routes_the_referral_on() throws Exception {
        Referral referral = mailed();
        String reject = link("Reject");

        Assertions.assertThat(get(reject).body()).contains("Reason for rejecting").contains("Not my product");
        HttpResponse<String> noReason = post(reject, Map.of("note", "Booked solid"));
        Assertions.assertThat(noReason.statusCode()).isEqualTo(400);
        // the same form again, saying what is missing and keeping the note: the link still works
        Assertions.assertThat(noReason.body()).contains("Choose a reason for rejecting the referral.")
                .contains("Reason for rejecting").contains("Booked solid").doesNotContain("cannot be used");
        Assertions.assertThat(review(referral).getAssignee()).isEqualTo("alice");

        HttpResponse<String> done = post(reject, Map.of("rejectReason", "AT_CAPACITY", "note", "Booked solid"));
        Assertions.assertThat(done.statusCode()).isEqualTo(200);
        Assertions.assertThat(review(referral).getAssignee()).isEqualTo("bob");
    }

    @Test
    void an_expired_link_is_refused() throws Exception {
        mailed();
        String accept = link("Accept");
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(73))));

        HttpResponse<String> page = get(accept);

        Assertions.assertThat(page.statusCode()).isEqualTo(410);
        Assertions.assertThat(page.body()).contains("expired");
    }

    @Test
    void a_tampered_link_is_refused() throws Exception {
        Referral referral = mailed();
        String accept = link("Accept");
        int dot = accept.lastIndexOf('.');
        String forged = accept.substring(0, dot - 2) + (accept.charAt(dot - 2) == 'A' ? 'B' : 'A') + accept.substring(dot - 1);

        HttpResponse<String> response = post(forged, Map.of());

        Assertions.assertThat(response.statusCode()).isEqualTo(400);
        Assertions.assertThat(response.body()).contains("not valid");
        Assertions.assertThat(review(referral)).isNotNull();
    }

    @Test
    void a_link_for_someone_else_or_for_a_referral_that_moved_on_changes_nothing() throws Exception {
        Referral referral = mailed();
        String bobsLink = emailActions.linkFor(review(referral).getId(), "bob", ActionLink.Action.ACCEPT)
                .replace("https://relay.test", "");
        HttpResponse<String> notYours = post(bobsLink, Map.of());
        Assertions.assertThat(notYours.statusCode()).isEqualTo(403);

        String alicesLink = link("Accept");
        taskService.complete(review(referral).getId(), Map.of("reviewDecision", "reject", "rejectReason", "OTHER"));
        HttpResponse<String> stale = post(alicesLink, Map.of());
        Assertions.assertThat(stale.statusCode()).isEqualTo(409);
        Assertions.assertThat(stale.body()).contains("moved on");
        Assertions.assertThat(review(referral).getAssignee()).isEqualTo("bob");
    }

    private Referral mailed() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(referral.getProcessInstanceId());
        return referral;
    }

    /** The path of the Accept or Reject link in Alice's mail (plain-text part). */
    private String link(String label) throws Exception {
        MimeMessage mail = mailsTo("alice@relay.example").get(0);
        String text = org.relay.support.MailText.of(mail);
        String line = text.lines().filter(l -> l.startsWith(label + ": ")).findFirst().orElseThrow();
        return line.substring(line.indexOf("https://relay.test") + "https://relay.test".length()).trim();
    }

    private Task review(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
