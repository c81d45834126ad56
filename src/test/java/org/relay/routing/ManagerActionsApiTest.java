package org.relay.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Jackie's REST actions on running referrals, and the routing settings operations edits. */
class ManagerActionsApiTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    ReferralIntake intake;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void a_manager_reassigns_a_referral_waiting_for_review() throws Exception {
        Referral referral = reviewing(RelayTestData.kiarasMortgage());

        ResponseEntity<String> response = post("/api/referrals/" + referral.getReferenceNumber() + "/reassignment",
                Map.of("requestedBy", "jackie", "toUser", "mike", "note", "Mike knows the developer"));

        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(response.getBody());
        Assertions.assertThat(body.get("routingReason").asText()).isEqualTo("Reassigned by Jackie Morgan to Mike Okoro: Mike knows the developer");
        Assertions.assertThat(body.get("routingBasis").asText()).isEqualTo("REASSIGNED");
        notifyRecipient(referral);
        Assertions.assertThat(openTask(referral).getAssignee()).isEqualTo("mike");
        Assertions.assertThat(openTask(referral).getTaskDefinitionKey()).isEqualTo("Task_ReviewReferral");
        Assertions.assertThat(mailsTo("mike@relay.example")).hasSize(1);
    }

    @Test
    void a_referral_being_worked_goes_back_to_review_for_its_new_recipient() throws Exception {
        Referral referral = reviewing(RelayTestData.kiarasMortgage());
        taskService.complete(openTask(referral).getId(), Map.of("reviewDecision", "accept"));

        ResponseEntity<String> response = post("/api/referrals/" + referral.getReferenceNumber() + "/reassignment",
                Map.of("requestedBy", "jackie", "toQueue", "wealth-management", "note", "She wants to invest instead"));

        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(json.readTree(response.getBody()).get("status").asText()).isEqualTo("ASSIGNED");
        notifyRecipient(referral);
        Task review = openTask(referral);
        Assertions.assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewReferral");
        Assertions.assertThat(review.getAssignee()).isNull();
        Assertions.assertThat(taskService.getIdentityLinksForTask(review.getId()))
                .anyMatch(link -> "wealth-management".equals(link.getGroupId()));
    }

    @Test
    void reassignment_without_note_or_target_names_the_fields_and_changes_nothing() throws Exception {
        Referral referral = reviewing(RelayTestData.kiarasMortgage());

        ResponseEntity<String> response = post("/api/referrals/" + referral.getReferenceNumber() + "/reassignment",
                Map.of("requestedBy", "nobody", "toUser", "mike", "toQueue", "insurance"));

        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(fields(response)).contains("requestedBy", "toUser", "note");
        Assertions.assertThat(openTask(referral).getAssignee()).isEqualTo("alice");
    }

    @Test
    void a_recipient_reassigning_through_the_review_api_is_told_what_is_missing_then_hands_it_on() throws Exception {
        Referral referral = reviewing(RelayTestData.kiarasMortgage());   // Alice reviews it
        TestRestTemplate alice = rest.withBasicAuth("alice", "alice");
        String review = "/api/referrals/" + referral.getReferenceNumber() + "/review";

        ResponseEntity<String> incomplete = alice.exchange(review, HttpMethod.POST,
                entity(Map.of("decision", "REASSIGN", "toUser", "alice")), String.class);
        Assertions.assertThat(fields(incomplete)).containsExactlyInAnyOrder("toUser", "note");
        Assertions.assertThat(openTask(referral).getAssignee()).isEqualTo("alice");

        ResponseEntity<String> handedOn = alice.exchange(review, HttpMethod.POST,
                entity(Map.of("decision", "REASSIGN", "toUser", "mike", "note", "Mike knows the developer")), String.class);
        Assertions.assertThat(handedOn.getStatusCode()).isEqualTo(HttpStatus.OK);
        notifyRecipient(referral);
        Assertions.assertThat(openTask(referral).getAssignee()).isEqualTo("mike");
    }

    @Test
    void a_closed_referral_cannot_be_reassigned() {
        Referral referral = reviewing(RelayTestData.kiarasMortgage());
        taskService.complete(openTask(referral).getId(), Map.of("reviewDecision", "accept"));
        taskService.complete(openTask(referral).getId(), Map.of("workOutcome", "closeLost", "closeReason", "DUPLICATE"));

        ResponseEntity<String> response = post("/api/referrals/" + referral.getReferenceNumber() + "/reassignment",
                Map.of("requestedBy", "jackie", "toUser", "mike", "note", "x"));

        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        Assertions.assertThat(response.getBody()).contains("CLOSED_LOST");
    }

    @Test
    void replanning_counts_from_when_the_review_began() {
        ClockUtil.setCurrentTime(newYork("2026-12-02T10:00"));
        Referral referral = reviewing(RelayTestData.kiarasMortgage());
        // the escalation was planned 4 business hours after 10:00
        Assertions.assertThat(openTask(referral).getDueDate()).isEqualTo(newYork("2026-12-02T14:00"));
        managementService.setJobDuedate(managementService.createJobQuery().activityId("Timer_ReviewEscalation")
                .processInstanceId(referral.getProcessInstanceId()).singleResult().getId(), newYork("2026-12-09T10:00"));

        ClockUtil.setCurrentTime(newYork("2026-12-02T11:00"));
        ResponseEntity<String> response = post("/api/referrals/" + referral.getReferenceNumber() + "/sla-replan",
                Map.of("requestedBy", "jackie"));

        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(openTask(referral).getDueDate()).isEqualTo(newYork("2026-12-02T14:00"));
        Assertions.assertThat(managementService.createJobQuery().activityId("Timer_ReviewEscalation")
                .processInstanceId(referral.getProcessInstanceId()).singleResult().getDuedate())
                .isEqualTo(newYork("2026-12-02T14:00"));
        Assertions.assertThat(response.getBody()).contains("SLA_REPLANNED");
    }

    @Test
    void recipients_advocates_and_advisors_are_edited_with_validation() throws Exception {
        ResponseEntity<String> bob = put("/api/recipients/bob", Map.of("capacity", 5, "absent", true));
        Assertions.assertThat(bob.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(json.readTree(bob.getBody()).get("effectiveCapacity").asInt()).isEqualTo(5);
        Assertions.assertThat(json.readTree(bob.getBody()).get("absent").asBoolean()).isTrue();

        Assertions.assertThat(fields(put("/api/recipients/bob", Map.of("capacity", 0, "absent", false))))
                .containsExactly("capacity");
        Assertions.assertThat(put("/api/recipients/nobody", Map.of("absent", false)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        Assertions.assertThat(put("/api/advocates/ADV-7", Map.of("name", "Lena Ortiz", "ownerUserId", "bob"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(fields(put("/api/advocates/ADV-8", Map.of("name", "X", "ownerUserId", "ghost"))))
                .containsExactly("ownerUserId");

        Assertions.assertThat(put("/api/customers/C-1/advisors/retail-lending", Map.of("advisorUserId", "mike"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(rest.getForObject("/api/customers/C-1/advisors", String.class)).contains("\"mike\"");
        Assertions.assertThat(put("/api/customers/C-1/advisors/no-such-queue", Map.of("advisorUserId", "mike"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Referral reviewing(org.relay.referral.CreateReferralRequest request) {
        Referral referral = intake.create(request);
        notifyRecipient(referral);
        return referral;
    }

    private void notifyRecipient(Referral referral) {
        notifyRecipient(referral.getProcessInstanceId());
    }

    private Task openTask(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();
    }

    private ResponseEntity<String> post(String path, Map<String, ?> body) {
        return rest.exchange(path, HttpMethod.POST, entity(body), String.class);
    }

    private ResponseEntity<String> put(String path, Map<String, ?> body) {
        return rest.exchange(path, HttpMethod.PUT, entity(body), String.class);
    }

    private static HttpEntity<Map<String, ?>> entity(Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private List<String> fields(ResponseEntity<String> response) throws Exception {
        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        json.readTree(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static Date newYork(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(ZoneId.of("America/New_York")).toInstant());
    }
}
