package org.relay.customerstatus;

import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.activity.ActivityRepository;
import org.relay.activity.ActivityType;
import org.relay.links.AccessLinkPurpose;
import org.relay.links.AccessLinks;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The customer's status page end to end, on GreenMail: the confirmation carries a working link; a message becomes an
 * activity and a mail to the owner; a withdrawal closes the referral as lost (withdrawn by the customer) through the
 * lifecycle's event subprocess and tells the owner; expired and revoked links open nothing.
 */
class CustomerStatusPageTest extends RelayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ActivityRepository activities;
    @Autowired
    AccessLinks links;
    @Autowired
    StatusPageRateLimit rateLimit;

    private StatusPageVisitor kiara;

    @BeforeEach
    void freshBrowser() {
        rateLimit.reset();
        kiara = new StatusPageVisitor(port);
    }

    /** Kiara's mortgage, referred by Ryan, who ticked that Kiara agreed to status updates. */
    static CreateReferralRequest kiaraAgreedToUpdates() {
        CreateReferralRequest base = RelayTestData.kiarasMortgage();
        return new CreateReferralRequest(base.kind(), base.recordType(), new CreateReferralRequest.CustomerData(
                CustomerType.PERSON, "Kiara Thompson", null, "+1 555 0101", "kiara@mail.example", "Springfield",
                "Central", null, null, null, null, true), base.expressedInterest(), base.interestValue(),
                base.sourceChannel(), base.referrer(), "Internal note: strong credit, score high");
    }

    /** The page's limits start afresh for the next test class too (the matrix reads the page). */
    @AfterEach
    void forgetTheLimits() {
        rateLimit.reset();
    }

    @Test
    void the_web_forms_confirmation_carries_a_link_to_a_page_in_plain_words_without_anything_internal() throws Exception {
        HttpResponse<String> form = kiara.get("/public/lead");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        Assertions.assertThat(csrf.find()).isTrue();
        HttpResponse<String> sent = kiara.post("/public/lead", Map.of("name", "Rachel Adams", "email", "rachel@mail.example",
                "product", "MORTGAGE", "amount", "250000", "message", "Secret detail for the bank", "consent", "true",
                "_csrf", csrf.group(1)));
        Assertions.assertThat(sent.statusCode()).isEqualTo(200);

        List<MimeMessage> confirmation = mailsTo("rachel@mail.example");
        Assertions.assertThat(confirmation).hasSize(1);
        Assertions.assertThat(confirmation.get(0).getSubject()).startsWith("Relay Bank: we have your request REF-");
        String token = StatusPageVisitor.tokenIn(confirmation.get(0));

        HttpResponse<String> page = kiara.get("/public/status/" + token);
        Assertions.assertThat(page.statusCode()).isEqualTo(200);
        Assertions.assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        Assertions.assertThat(page.body()).contains("Hello Rachel,").doesNotContain("Adams")
                .contains("Mortgage").contains("aria-current=\"step\"").contains("Received")
                .contains("Our <strong>Retail Lending</strong> team is")
                .contains("Send message").contains("Withdraw my request")
                // nothing internal: no score, routing reason, notes, owner's surname
                .doesNotContainIgnoringCase("score").doesNotContain("Secret detail").doesNotContain("routing")
                .doesNotContain("Jones");
    }

    @Test
    void an_advisors_referral_sends_the_link_only_where_the_customer_agreed() throws Exception {
        Referral agreed = intake.create(kiaraAgreedToUpdates());
        Referral silent = intake.create(RelayTestData.kiarasMortgage());

        Assertions.assertThat(data.reload(agreed).isCustomerStatusUpdates()).isTrue();
        Assertions.assertThat(data.reload(silent).isCustomerStatusUpdates()).isFalse();
        Assertions.assertThat(mailsTo("kiara@mail.example")).hasSize(1);
        Assertions.assertThat(mailsTo("customer@mail.example")).isEmpty();

        // through the API: the consent flag is part of the create request; without an email it is refused
        HttpResponse<String> refused = api("ryan", "POST", "/api/referrals", """
                {"kind":"REFERRAL","recordType":"PERSON_REFERRAL","expressedInterest":"MORTGAGE","sourceChannel":"COLLEAGUE",
                 "customer":{"type":"PERSON","name":"Omar Reyes","phone":"+1 555 0199","statusUpdates":true},
                 "referrer":{"type":"INTERNAL_USER","id":"ryan"}}""");
        Assertions.assertThat(refused.statusCode()).isEqualTo(400);
        Assertions.assertThat(refused.body()).contains("customer.statusUpdates");
        HttpResponse<String> created = api("ryan", "POST", "/api/referrals", """
                {"kind":"REFERRAL","recordType":"PERSON_REFERRAL","expressedInterest":"MORTGAGE","sourceChannel":"COLLEAGUE",
                 "customer":{"type":"PERSON","name":"Omar Reyes","email":"omar@mail.example","statusUpdates":true},
                 "referrer":{"type":"INTERNAL_USER","id":"ryan"}}""");
        Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = StatusPageVisitor.tokenIn(mailsTo("omar@mail.example").get(0));
        Assertions.assertThat(kiara.get("/public/status/" + token).body()).contains("Hello Omar,");
    }

    @Test
    void a_message_becomes_an_activity_and_a_mail_to_the_owner_while_the_lifecycle_goes_on() throws Exception {
        Referral referral = intake.create(kiaraAgreedToUpdates());
        String token = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(0));
        accept(referral);
        ProcessInstance instance = instance(referral);

        HttpResponse<String> answer = kiara.send(token, "/message",
                Map.of("message", "Could we meet on Friday afternoon? <b>Thanks</b>"));

        Assertions.assertThat(answer.statusCode()).isEqualTo(200);
        Assertions.assertThat(answer.uri().getPath()).as("post/redirect/get").isEqualTo("/public/status/" + token);
        Assertions.assertThat(answer.body()).contains("your message has been sent to Alice")
                .contains("Alice</strong> has your request").contains("alice@relay.example")
                .contains("Could we meet on Friday afternoon? &lt;b&gt;Thanks&lt;/b&gt;");
        Assertions.assertThat(activities.findByReferralIdOrderByOccurredAtAscIdAsc(referral.getId()))
                .singleElement().satisfies(activity -> {
                    Assertions.assertThat(activity.getType()).isEqualTo(ActivityType.CUSTOMER_MESSAGE);
                    Assertions.assertThat(activity.getRecordedBy()).isEqualTo("customer");
                    Assertions.assertThat(activity.getBody()).isEqualTo("Could we meet on Friday afternoon? <b>Thanks</b>");
                });
        Assertions.assertThat(data.reload(referral).getStatus()).as("the owner has not acted yet")
                .isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(instance).isWaitingAt("Task_WorkReferral", "Task_TellOwnerOfCustomerMessage")
                .hasPassed("Msg_CustomerMessage");

        runJob(instance, "Task_TellOwnerOfCustomerMessage");

        assertThat(instance).hasPassed("End_CustomerMessagePassedOn").isWaitingAt("Task_WorkReferral");
        List<MimeMessage> toAlice = mailsTo("alice@relay.example");
        Assertions.assertThat(toAlice).singleElement().satisfies(mail -> {
            Assertions.assertThat(mail.getSubject()).isEqualTo("Message from your customer Kiara Thompson ("
                    + referral.getReferenceNumber() + ")");
            Assertions.assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail))
                    .contains("Could we meet on Friday afternoon?").contains("&lt;b&gt;Thanks&lt;/b&gt;");
        });
    }

    @Test
    void while_nobody_owns_it_the_queue_gets_the_message() throws Exception {
        Referral referral = intake.create(kiaraAgreedToUpdates());
        String token = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(0));
        jdbcOwnerless(referral);

        kiara.send(token, "/message", Map.of("message", "Any news?"));
        runJob(instance(referral), "Task_TellOwnerOfCustomerMessage");

        Assertions.assertThat(mailsTo("bob@relay.example")).hasSize(1);
        Assertions.assertThat(mailsTo("alice@relay.example")).hasSize(1);
    }

    @Test
    void withdrawing_closes_it_as_lost_through_the_lifecycle_and_tells_the_owner_and_a_second_try_answers_in_plain_words()
            throws Exception {
        Referral referral = intake.create(kiaraAgreedToUpdates());
        String token = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(0));
        accept(referral);
        ProcessInstance instance = instance(referral);

        HttpResponse<String> confirm = kiara.get("/public/status/" + token + "/withdraw");
        Assertions.assertThat(confirm.body()).contains("Withdraw your request?").contains("Yes, withdraw my request");
        HttpResponse<String> withdrawn = kiara.send(token, "/withdraw", Map.of());

        Assertions.assertThat(withdrawn.statusCode()).isEqualTo(200);
        Assertions.assertThat(withdrawn.body()).contains("Your request is withdrawn.").contains("You withdrew this request")
                .doesNotContain("Send message");
        Referral closed = data.reload(referral);
        Assertions.assertThat(closed.getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);
        Assertions.assertThat(closed.getCloseReason()).isEqualTo("WITHDRAWN_BY_CUSTOMER");
        assertThat(instance).hasPassed("Msg_CustomerWithdrew", "Task_CloseWithdrawnReferral")
                .hasNotPassed("Task_CloseReferral").isWaitingAt("Task_UpdateReferrerScoreOnWithdrawal");
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

        runJob(instance, "Task_UpdateReferrerScoreOnWithdrawal");
        runJob(instance, "Task_TellOwnerCustomerWithdrew");

        assertThat(instance).isEnded().hasPassed("End_WithdrawnByCustomer");
        Assertions.assertThat(mailsTo("alice@relay.example")).singleElement().satisfies(mail ->
                Assertions.assertThat(mail.getSubject()).isEqualTo("Withdrawn by the customer: Kiara Thompson ("
                        + referral.getReferenceNumber() + ")"));

        HttpResponse<String> again = kiara.post("/public/status/" + token + "/withdraw", Map.of());
        Assertions.assertThat(again.statusCode()).as("no CSRF token: the expired-page answer").isEqualTo(403);
        Assertions.assertThat(again.body()).contains("Back to your request");
        // the confirmation page still open in a second tab: its form is sent again
        java.util.regex.Matcher oldForm = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(confirm.body());
        Assertions.assertThat(oldForm.find()).isTrue();
        HttpResponse<String> secondTry = kiara.post("/public/status/" + token + "/withdraw", Map.of("_csrf", oldForm.group(1)));
        Assertions.assertThat(secondTry.statusCode()).isEqualTo(200);
        Assertions.assertThat(secondTry.body()).contains("Your request is already closed, so nothing was changed.");
        Assertions.assertThat(kiara.get("/public/status/" + token + "/withdraw").body())
                .contains("already closed, so there is nothing to withdraw");
    }

    @Test
    void an_expired_or_revoked_link_opens_nothing_and_says_so_plainly() throws Exception {
        Referral referral = intake.create(kiaraAgreedToUpdates());
        String mailed = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(0));
        String expired = links.issue(AccessLinkPurpose.CUSTOMER_STATUS, referral.getId(), Duration.ofNanos(1));
        String otherPurpose = links.issue(AccessLinkPurpose.REFERRER_VIEW, referral.getId());

        for (String token : List.of(expired, otherPurpose)) {
            HttpResponse<String> page = kiara.get("/public/status/" + token);
            Assertions.assertThat(page.statusCode()).isEqualTo(404);
            Assertions.assertThat(page.body()).contains("This link no longer works").doesNotContain("Kiara");
        }
        Assertions.assertThat(kiara.get("/public/status/" + mailed).statusCode()).isEqualTo(200);

        // bob works in the queue but does not manage it; jackie does
        Assertions.assertThat(api("bob", "DELETE", "/api/referrals/" + referral.getReferenceNumber() + "/customer-links", null)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> revoked = api("jackie", "DELETE", "/api/referrals/" + referral.getReferenceNumber()
                + "/customer-links", null);
        Assertions.assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        Assertions.assertThat(revoked.body()).contains("\"revoked\":1");

        HttpResponse<String> gone = kiara.get("/public/status/" + mailed);
        Assertions.assertThat(gone.statusCode()).isEqualTo(404);
        Assertions.assertThat(gone.body()).contains("This link no longer works");
        Assertions.assertThat(kiara.send(mailedOnAFreshLink(referral), "/message", Map.of("message", "hi")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> listed = api("jackie", "GET", "/api/referrals/" + referral.getReferenceNumber() + "/customer-links", null);
        Assertions.assertThat(listed.body()).contains("\"revokedBy\":\"jackie\"").contains("\"works\":true")
                .doesNotContain(mailed);
    }

    private String mailedOnAFreshLink(Referral referral) {
        return links.issue(AccessLinkPurpose.CUSTOMER_STATUS, referral.getId());
    }

    private void accept(Referral referral) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
    }

    private ProcessInstance instance(Referral referral) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(referral.getProcessInstanceId()).singleResult();
    }

    private void runJob(ProcessInstance instance, String activityId) {
        var job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
        Assertions.assertThat(job).as("a job at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    /** As a referral sits in its queue for anyone to claim. */
    private void jdbcOwnerless(Referral referral) {
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                "update referral set owner_id = null where id = ?", referral.getId());
    }

    @Autowired
    javax.sql.DataSource dataSource;

    private HttpResponse<String> api(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
