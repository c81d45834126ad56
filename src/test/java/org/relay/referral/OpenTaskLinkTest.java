package org.relay.referral;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
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
import java.util.Base64;

/**
 * Finding 7 of issue #24: the mail's task link ({@code /referrals/{ref}/task}) redirects only a signed-in user who may
 * see the referral; nobody else learns a task id, or whether a reference number exists.
 */
class OpenTaskLinkTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;

    /** java.net.http does not follow redirects by default: the redirect itself is what is checked. */
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_anonymous_caller_is_asked_to_sign_in_whether_the_reference_exists_or_not() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String taskId = reviewTask(kiara).getId();

        HttpResponse<String> existing = open(kiara.getReferenceNumber(), null);
        HttpResponse<String> unknown = open("REF-999999", null);
        for (HttpResponse<String> answer : java.util.List.of(existing, unknown)) {
            Assertions.assertThat(answer.statusCode()).isEqualTo(401);
            Assertions.assertThat(answer.headers().firstValue("Location")).isEmpty();
            Assertions.assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    Assertions.assertThat(type).startsWith("text/html"));
            Assertions.assertThat(answer.body()).contains("Sign in to Tasklist")
                    .contains("href=\"https://relay.test/camunda/app/tasklist/\"").doesNotContain(taskId);
        }
        Assertions.assertThat(existing.body()).isEqualTo(unknown.body());
    }

    @Test
    void a_signed_in_user_who_may_not_see_the_referral_reads_what_an_unknown_reference_gives() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String taskId = reviewTask(kiara).getId();

        // ivan works in insurance: Kiara's mortgage is retail lending's
        HttpResponse<String> foreign = open(kiara.getReferenceNumber(), "ivan");
        HttpResponse<String> unknown = open("REF-999999", "ivan");
        Assertions.assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        Assertions.assertThat(foreign.body()).isEqualTo(unknown.body()).doesNotContain(taskId)
                .doesNotContain(kiara.getReferenceNumber());
        Assertions.assertThat(foreign.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void the_owner_and_the_referrer_are_sent_to_the_task_with_basic_or_their_tasklist_session() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String tasklist = "https://relay.test/camunda/app/tasklist/default/#/?task=" + reviewTask(kiara).getId();

        for (String user : new String[]{"alice", "ryan", "jackie"}) {
            HttpResponse<String> withBasic = open(kiara.getReferenceNumber(), user);
            Assertions.assertThat(withBasic.statusCode()).as(user).isEqualTo(302);
            Assertions.assertThat(withBasic.headers().firstValue("Location")).as(user).hasValue(tasklist);
        }
        HttpResponse<String> withSession = WebappSession.logIn(port, "alice")
                .get("/referrals/" + kiara.getReferenceNumber() + "/task");
        Assertions.assertThat(withSession.statusCode()).isEqualTo(302);
        Assertions.assertThat(withSession.headers().firstValue("Location")).hasValue(tasklist);
    }

    private HttpResponse<String> open(String referenceNumber, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/referrals/"
                + referenceNumber + "/task"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Task reviewTask(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(data.reload(referral).getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult();
    }
}
