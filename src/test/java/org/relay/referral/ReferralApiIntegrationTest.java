package org.relay.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The documented REST API on real PostgreSQL: create, read, and bad input refused with every field named. */
class ReferralApiIntegrationTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    ReferralRepository referrals;

    @Test
    void create_then_work_through_the_engine_then_read_the_stages() throws Exception {
        ResponseEntity<String> created = post(json.writeValueAsString(RelayTestData.kiarasMortgage()));

        Assertions.assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(created.getBody());
        String reference = body.get("referenceNumber").asText();
        Assertions.assertThat(reference).matches("REF-\\d{6}");
        Assertions.assertThat(created.getHeaders().getLocation()).hasPath("/api/referrals/" + reference);
        Assertions.assertThat(body.get("status").asText()).isEqualTo("ASSIGNED");
        Assertions.assertThat(body.get("owner").asText()).isEqualTo("alice");
        Assertions.assertThat(body.get("queue").asText()).isEqualTo("retail-lending");
        Assertions.assertThat(body.at("/referrer/name").asText()).isEqualTo("Ryan Walsh");
        String processInstanceId = body.get("processInstanceId").asText();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId()).isEqualTo(processInstanceId);

        // the review task exists at once; the API shows it with its Tasklist link
        notifyRecipient(processInstanceId);
        JsonNode reviewing = get(reference);
        Assertions.assertThat(reviewing.at("/openTasks/0/taskDefinitionKey").asText()).isEqualTo("Task_ReviewReferral");
        Assertions.assertThat(reviewing.at("/openTasks/0/assignee").asText()).isEqualTo("alice");
        Assertions.assertThat(reviewing.at("/openTasks/0/tasklistLink").asText())
                .startsWith("https://relay.test/camunda/app/tasklist/default/#/?task=");

        taskService.complete(openTask(processInstanceId).getId(), Map.of("reviewDecision", "accept"));
        taskService.complete(openTask(processInstanceId).getId(), Map.of("workOutcome", "convert"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("Task_ConvertToOpportunity").singleResult().getId());

        JsonNode converted = get(reference);
        Assertions.assertThat(converted.get("status").asText()).isEqualTo("CONVERTED");
        Assertions.assertThat(converted.get("openTasks")).isEmpty();
        for (String stage : new String[]{"created", "assigned", "accepted", "converted", "closed"}) {
            Assertions.assertThat(converted.at("/stages/" + stage).isTextual()).as(stage).isTrue();
        }
        Assertions.assertThat(converted.get("timeline")).extracting(e -> e.get("type").asText())
                .containsSubsequence("CREATED", "SCORED", "ROUTED", "NOTIFIED", "ACCEPTED", "CONVERTED");
    }

    @Test
    void every_invalid_field_is_named_and_nothing_is_written() {
        String invalid = """
                {"kind": "REFERRAL", "recordType": "TIMESHARE",
                 "customer": {"type": "PERSON", "name": " ", "email": "not-an-email"},
                 "expressedInterest": "YACHT", "interestValue": {"amount": -5, "currency": "XXX"},
                 "sourceChannel": "COLLEAGUE", "referrer": {"type": "INTERNAL_USER", "id": "nobody"}}
                """;
        ResponseEntity<String> response = post(invalid);

        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Assertions.assertThat(fieldsOf(response)).contains("recordType", "customer.name", "customer.email",
                "expressedInterest", "interestValue.amount", "interestValue.currency", "referrer.id");
        Assertions.assertThat(referrals.count()).isZero();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void unknown_enum_values_unknown_fields_and_broken_json_are_400s() {
        // the unknown kind is named with every other problem of the body (issue #26, item 9)
        Assertions.assertThat(fieldsOf(post("{\"kind\": \"PROSPECT\"}"))).contains("kind", "customer", "recordType", "referrer");
        Assertions.assertThat(fieldsOf(post("{\"kind\": \"LEAD\", \"favouriteColour\": \"blue\"}")))
                .containsExactly("favouriteColour");
        ResponseEntity<String> broken = post("{\"kind\": ");
        Assertions.assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(broken.getBody()).contains("not valid JSON");
        Assertions.assertThat(fieldsOf(post("{}"))).contains("kind", "customer", "recordType", "referrer");
        // a blank path segment where a number belongs names the segment
        Assertions.assertThat(fieldsOf(rest.getForEntity(java.net.URI.create("/api/opportunities/%20"), String.class)))
                .containsExactly("id");
    }

    @Test
    void a_customer_nobody_can_reach_is_refused() throws Exception {
        var request = RelayTestData.kiarasMortgage();
        var unreachable = new org.relay.referral.CreateReferralRequest(request.kind(), request.recordType(),
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Kiara Thompson", null, null, null, null, null, null),
                request.expressedInterest(), request.interestValue(), request.sourceChannel(), request.referrer(), null);
        Assertions.assertThat(fieldsOf(post(json.writeValueAsString(unreachable)))).containsExactly("customer");
    }

    @Test
    void unknown_reference_is_404_and_the_mail_link_redirects_to_the_open_task() throws Exception {
        Assertions.assertThat(rest.getForEntity("/api/referrals/REF-999999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode body = json.readTree(post(json.writeValueAsString(RelayTestData.kiarasMortgage())).getBody());
        String processInstanceId = body.get("processInstanceId").asText();

        // java.net.http does not follow redirects by default: we want to see the redirect itself
        // only for a signed-in user who may see the referral (OpenTaskLinkTest): alice owns it
        HttpResponse<Void> link = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                rest.getRootUri() + "/referrals/" + body.get("referenceNumber").asText() + "/task"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "alice:alice".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        Assertions.assertThat(link.statusCode()).isEqualTo(302);
        Assertions.assertThat(link.headers().firstValue("Location")).hasValue(
                "https://relay.test/camunda/app/tasklist/default/#/?task=" + openTask(processInstanceId).getId());
    }

    @Test
    void when_the_lifecycle_cannot_start_no_referral_row_is_left_behind() throws Exception {
        // an analyst deploys a routing table whose only rule names no queue
        String brokenRouting = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="BrokenRouting" name="Broken routing" namespace="http://relay.org/dmn">
                  <decision id="ReferralRouting" name="Referral routing" camunda:historyTimeToLive="1">
                    <decisionTable id="Table" hitPolicy="FIRST">
                      <input id="In"><inputExpression id="InExpr" typeRef="string"><text>kind</text></inputExpression></input>
                      <output id="Out" name="queue" typeRef="string"/>
                      <rule id="Rule"><inputEntry id="RuleIn"><text>-</text></inputEntry><outputEntry id="RuleOut"><text></text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        String deployment = processEngine.getRepositoryService().createDeployment()
                .addString("broken-routing.dmn", brokenRouting).deploy().getId();
        try {
            ResponseEntity<String> response = post(json.writeValueAsString(RelayTestData.kiarasMortgage()));

            Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            Assertions.assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            Assertions.assertThat(response.getBody()).contains("The routing decision gave no queue");
            Assertions.assertThat(referrals.count()).isZero();
            Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
        } finally {
            processEngine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity("/api/referrals", new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode get(String reference) throws Exception {
        ResponseEntity<String> response = rest.getForEntity("/api/referrals/" + reference, String.class);
        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private java.util.List<String> fieldsOf(ResponseEntity<String> response) {
        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        try {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json.readTree(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
            return fields;
        } catch (Exception e) {
            throw new AssertionError("Not a problem+json body: " + response.getBody(), e);
        }
    }

    private Task openTask(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }
}
