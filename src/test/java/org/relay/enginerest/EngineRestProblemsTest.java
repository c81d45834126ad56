package org.relay.enginerest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.relay.support.WebappSession;
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

/**
 * Finding 7 of issue #24: a user's mistake on the engine's REST API (and on the same API under
 * /camunda/api/engine that Tasklist and Cockpit call) answers 4xx problem JSON, never 500 with an engine code.
 */
class EngineRestProblemsTest extends RelayIntegrationTest {

    private static final String REVIEW = "Task_ReviewReferral";

    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void a_task_that_is_gone_is_404() throws Exception {
        for (String call : List.of("complete", "claim", "submit-form")) {
            HttpResponse<String> answer = send("demo", "POST", "/engine-rest/task/no-such-task/" + call, "{}");
            assertProblem(answer, 404);
        }
    }

    @Test
    void claiming_a_task_someone_else_holds_is_409() throws Exception {
        Task review = reviewTask(intake.create(RelayTestData.kiarasMortgage()));
        Assertions.assertThat(review.getAssignee()).isEqualTo("alice");
        HttpResponse<String> answer = send("demo", "POST", "/engine-rest/task/" + review.getId() + "/claim",
                "{\"userId\":\"bob\"}");
        assertProblem(answer, 409);
        Assertions.assertThat(detail(answer)).contains("alice");
    }

    @Test
    void json_nested_fifty_thousand_deep_is_400() throws Exception {
        Task review = reviewTask(intake.create(RelayTestData.kiarasMortgage()));
        String deep = "{\"variables\":{\"x\":{\"value\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}}}";
        assertProblem(send("alice", "POST", "/engine-rest/task/" + review.getId() + "/complete", deep), 400);
        assertProblem(send("alice", "POST", "/engine-rest/message", "[".repeat(50_000) + "]".repeat(50_000)), 400);
        assertProblem(send("alice", "POST", "/engine-rest/message", "{\"messageName\": "), 400);
    }

    @Test
    void a_java_serialized_variable_is_refused_with_400() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String serialized = "{\"modifications\":{\"x\":{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":"
                + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}";
        HttpResponse<String> answer = send("demo", "POST", "/engine-rest/process-instance/"
                + kiara.getProcessInstanceId() + "/variables", serialized);
        assertProblem(answer, 400);
        Assertions.assertThat(detail(answer)).containsIgnoringCase("serializ");
    }

    @Test
    void a_modification_the_engine_cannot_perform_is_400() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String instance = "/engine-rest/process-instance/" + kiara.getProcessInstanceId();
        HttpResponse<String> noActivity = send("demo", "POST", instance + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\"}]}");
        assertProblem(noActivity, 400);
        Assertions.assertThat(detail(noActivity)).contains("activityId");
        assertProblem(send("demo", "POST", instance + "/modification", "{\"instructions\":[{}]}"), 400);
        assertProblem(send("demo", "POST", instance + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Nowhere\"}]}"), 400);
        assertProblem(send("demo", "POST", instance + "/variables",
                "{\"modifications\":{\"x\":{\"type\":\"Integer\",\"value\":\"abc\"}}}"), 400);
        // nothing to do is not an error
        Assertions.assertThat(send("demo", "POST", instance + "/modification", "{}").statusCode()).isEqualTo(204);
        Assertions.assertThat(send("demo", "POST", instance + "/variables", "{}").statusCode()).isEqualTo(204);
    }

    @Test
    void a_task_form_the_lifecycle_refuses_answers_its_own_message() throws Exception {
        Task review = reviewTask(intake.create(RelayTestData.kiarasMortgage()));
        HttpResponse<String> answer = send("alice", "POST", "/engine-rest/task/" + review.getId() + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"reject\",\"type\":\"String\"}}}");
        assertProblem(answer, 400);
        Assertions.assertThat(detail(answer)).isEqualTo("Choose a reason for rejecting it.");
        Assertions.assertThat(json.readTree(answer.body()).get("errors").findValuesAsText("field")).containsExactly("rejectReason");
    }

    @Test
    void a_message_nothing_waits_for_is_a_400_in_plain_words() throws Exception {
        HttpResponse<String> answer = send("demo", "POST", "/engine-rest/message",
                "{\"messageName\":\"NoSuchMessage\",\"businessKey\":\"REF-000000\"}");
        assertProblem(answer, 400);
        Assertions.assertThat(json.readTree(answer.body()).get("detail").asText())
                .startsWith("Cannot correlate message").doesNotContain("org.camunda").doesNotContain("ENGINE-");
    }

    @Test
    void a_start_form_the_intake_refuses_names_the_field() throws Exception {
        HttpResponse<String> answer = send("ryan", "POST",
                "/engine-rest/process-definition/key/NewReferralProcess/submit-form",
                "{\"variables\":{\"kind\":{\"value\":\"BOGUS\",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}}");
        assertProblem(answer, 400);
        JsonNode body = json.readTree(answer.body());
        Assertions.assertThat(body.get("detail").asText()).isEqualTo("kind: unknown value BOGUS");
        Assertions.assertThat(body.get("errors").findValuesAsText("field")).containsExactly("kind");
    }

    @Test
    void tasklist_and_cockpit_get_the_same_answers_on_the_webapps_engine_api() throws Exception {
        Task review = reviewTask(intake.create(RelayTestData.kiarasMortgage()));
        // Relay registers this servlet itself: Camunda's web app filters must still guard it
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/engine/engine/default/task")).build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(anonymous.statusCode()).isEqualTo(401);
        Assertions.assertThat(anonymous.body()).doesNotContain(review.getId());

        WebappSession alice = WebappSession.logIn(port, "alice");
        String task = "/camunda/api/engine/engine/default/task/";

        assertProblem(alice.post(task + "no-such-task/complete", "{}"), 404);
        HttpResponse<String> refused = alice.post(task + review.getId() + "/submit-form",
                "{\"variables\":{\"reviewDecision\":{\"value\":\"reject\",\"type\":\"String\"}}}");
        assertProblem(refused, 400);
        Assertions.assertThat(detail(refused)).isEqualTo("Choose a reason for rejecting it.");
        assertProblem(alice.post(task + review.getId() + "/complete",
                "{\"variables\":{\"x\":{\"value\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}}}"), 400);
    }

    @Test
    void the_servers_own_failure_stays_500_and_says_nothing_of_it() {
        var databaseDown = new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03004 Exception while executing",
                new org.apache.ibatis.exceptions.PersistenceException(new java.sql.SQLException(
                        "Connection to db.bank.example:5432 refused", "08001")));
        EngineProblem problem = EngineProblem.of(new org.camunda.bpm.engine.rest.exception.RestException(
                jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR, databaseDown, "Cannot complete task t1"));
        Assertions.assertThat(problem.status()).isEqualTo(500);
        Assertions.assertThat(problem.detail()).doesNotContain("db.bank.example").doesNotContain("ENGINE")
                .contains("nothing was changed");

        var listenerBug = new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03051 There was an exception while"
                + " invoking the TaskListener", new NullPointerException("referral"));
        Assertions.assertThat(EngineProblem.of(listenerBug).status()).isEqualTo(500);
    }

    private void assertProblem(HttpResponse<String> answer, int status) throws Exception {
        Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        Assertions.assertThat(answer.headers().firstValue("Content-Type")).as(answer.body())
                .hasValueSatisfying(type -> Assertions.assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(answer.body());
        Assertions.assertThat(body.get("status").asInt()).isEqualTo(status);
        Assertions.assertThat(body.get("detail").asText()).as("a plain message").isNotBlank()
                .doesNotContainPattern("ENGINE-\\d+").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private String detail(HttpResponse<String> answer) throws Exception {
        return json.readTree(answer.body()).get("detail").asText();
    }

    private Task reviewTask(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(data.reload(referral).getProcessInstanceId())
                .taskDefinitionKey(REVIEW).singleResult();
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
