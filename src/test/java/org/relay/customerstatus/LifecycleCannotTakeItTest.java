package org.relay.customerstatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.activity.ActivityRepository;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The status page when the referral's lifecycle cannot take the customer's request — suspended by an operator in
 * Cockpit, or ended while Relay's record stays open: a message, a withdrawal and a booking each answer in plain words
 * (200, "nothing was changed"), never a 500, and nothing is kept.
 */
class LifecycleCannotTakeItTest extends RelayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ActivityRepository activities;
    @Autowired
    StatusPageRateLimit rateLimit;

    private final HttpClient http = HttpClient.newHttpClient();
    private StatusPageVisitor kiara;
    private Referral referral;
    private String token;
    private String slot;

    @BeforeEach
    void kiaraHasHerLinkAndAliceOfferedTimes() throws Exception {
        rateLimit.reset();
        kiara = new StatusPageVisitor(port);
        referral = intake.create(CustomerStatusPageTest.kiaraAgreedToUpdates());
        token = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(0));
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        List<String> free = new ArrayList<>();
        new ObjectMapper().readTree(api("alice", "GET", "/api/referrals/" + referral.getReferenceNumber() + "/meetings", null)
                .body()).get("freeSlots").forEach(node -> free.add(node.asText()));
        slot = free.get(0);
        Assertions.assertThat(api("alice", "PUT", "/api/referrals/" + referral.getReferenceNumber() + "/meeting-offers",
                "{\"times\":[\"" + slot + "\"]}").statusCode()).isEqualTo(200);
    }

    @AfterEach
    void forgetTheLimits() {
        rateLimit.reset();
    }

    @Test
    void a_suspended_lifecycle_gets_plain_answers_for_a_message_a_withdrawal_and_a_booking() throws Exception {
        runtimeService.suspendProcessInstanceById(referral.getProcessInstanceId());
        answersPlainlyAndKeepsNothing();
        runtimeService.activateProcessInstanceById(referral.getProcessInstanceId());
        Assertions.assertThat(kiara.send(token, "/message", Map.of("message", "Now it works")).body())
                .contains("Thank you, your message has been sent");
    }

    @Test
    void an_ended_lifecycle_gets_plain_answers_for_a_message_a_withdrawal_and_a_booking() throws Exception {
        runtimeService.deleteProcessInstance(referral.getProcessInstanceId(), "ended by an operator");
        answersPlainlyAndKeepsNothing();
    }

    private void answersPlainlyAndKeepsNothing() throws Exception {
        HttpResponse<String> message = kiara.send(token, "/message", Map.of("message", "Can we talk on Friday?"));
        Assertions.assertThat(message.statusCode()).as(message.body()).isEqualTo(200);
        Assertions.assertThat(message.body()).contains("We could not do this on this page just now, and nothing was changed.");

        HttpResponse<String> withdrawal = kiara.send(token, "/withdraw", Map.of());
        Assertions.assertThat(withdrawal.statusCode()).as(withdrawal.body()).isEqualTo(200);
        Assertions.assertThat(withdrawal.body()).contains("nothing was changed");

        HttpResponse<String> booking = kiara.send(token, "/meeting", Map.of("slot", slot));
        Assertions.assertThat(booking.statusCode()).as(booking.body()).isEqualTo(200);
        Assertions.assertThat(booking.body()).contains("We could not book the meeting on this page just now");

        Assertions.assertThat(data.reload(referral).getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
        Assertions.assertThat(activities.findByReferralIdOrderByOccurredAtAscIdAsc(referral.getId())).isEmpty();
    }

    private HttpResponse<String> api(String user, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
