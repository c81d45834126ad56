package org.relay.standing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * "Referrals I sent" (GET /api/referrals/sent, the /referrals/sent page) and a referral's standing
 * (GET /api/referrals/{ref}/standing): each colleague reads only what they referred, in plain words and names,
 * without the customer's contact details, notes, scores or routing reasons.
 */
class ReferralsSentTest extends RelayIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    @Test
    void a_referrer_reads_what_he_sent_newest_first_with_its_status_and_who_has_it() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());                               // alice
        Referral liam = intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));
        intake.create(RelayTestData.referral("Ines Larsen", "INSURANCE", "2000", "rita"));           // not ryan's

        ResponseEntity<String> answer = as("ryan").getForEntity("/api/referrals/sent", String.class);
        Assertions.assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(answer.getHeaders().getFirst("X-Total-Count")).isEqualTo("2");
        JsonNode sent = JSON.readTree(answer.getBody());
        Assertions.assertThat(sent).extracting(s -> s.get("referenceNumber").asText())
                .containsExactly(liam.getReferenceNumber(), kiara.getReferenceNumber());
        JsonNode kiaras = sent.get(1);
        Assertions.assertThat(kiaras.get("customerName").asText()).isEqualTo("Kiara Thompson");
        Assertions.assertThat(kiaras.get("productLabel").asText()).isEqualTo("Mortgage");
        Assertions.assertThat(kiaras.get("status").asText()).isEqualTo("ASSIGNED");
        Assertions.assertThat(kiaras.get("statusText").asText()).isEqualTo("Waiting to be accepted");
        Assertions.assertThat(kiaras.at("/holder/text").asText()).isEqualTo("Alice Romero (Retail Lending)");
        Assertions.assertThat(kiaras.get("outcome").isNull()).isTrue();
        // what a referrer may know, not the record: no contact details, notes, scores or why it was routed
        Assertions.assertThat(answer.getBody()).doesNotContain("555 0101", "customer@mail.example",
                "Buying a first house", "leadScore", "routingReason", "alice\"");

        ResponseEntity<String> second = as("ryan").getForEntity("/api/referrals/sent?page=1&size=1", String.class);
        Assertions.assertThat(second.getHeaders().getFirst("X-Total-Count")).isEqualTo("2");
        Assertions.assertThat(JSON.readTree(second.getBody())).extracting(s -> s.get("referenceNumber").asText())
                .containsExactly(kiara.getReferenceNumber());
    }

    @Test
    void everyone_reads_only_their_own_sent_list_recipients_managers_and_administrators_included() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        Referral ines = intake.create(RelayTestData.referral("Ines Larsen", "INSURANCE", "2000", "rita"));

        Assertions.assertThat(sentReferences("rita")).containsExactly(ines.getReferenceNumber());
        for (String other : new String[]{"alice", "bob", "jackie", "carlos", "demo"}) {
            // alice owns Kiara's, bob is in her queue, jackie manages it, demo administers: none of them referred it
            Assertions.assertThat(sentReferences(other)).as(other).isEmpty();
        }
        Assertions.assertThat(anonymous("/api/referrals/sent").statusCode()).isEqualTo(401);
        // no parameter names another referrer: an unknown one is ignored, the list stays the caller's
        Assertions.assertThat(JSON.readTree(as("carlos").getForEntity("/api/referrals/sent?referrer=ryan", String.class)
                .getBody())).isEmpty();
        Assertions.assertThat(kiara.getReferrer().getId()).isEqualTo("ryan");
    }

    @Test
    void a_referrals_standing_is_for_whoever_may_see_it() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String standing = "/api/referrals/" + kiara.getReferenceNumber() + "/standing";
        for (String reader : new String[]{"ryan", "alice", "bob", "jackie", "demo"}) {
            Assertions.assertThat(as(reader).getForEntity(standing, String.class).getStatusCode()).as(reader)
                    .isEqualTo(HttpStatus.OK);
        }
        ResponseEntity<String> carlos = as("carlos").getForEntity(standing, String.class);
        Assertions.assertThat(carlos.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        Assertions.assertThat(carlos.getBody()).doesNotContain("Kiara");
        Assertions.assertThat(as("ryan").getForEntity("/api/referrals/REF-999999/standing", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void outcomes_read_in_plain_words_converted_with_its_opportunity_and_lost_with_its_reason() throws Exception {
        Referral kiara = accepted(intake.create(RelayTestData.kiarasMortgage()));
        Referral liam = accepted(intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan")));
        taskService.complete(work(kiara), Map.of("workOutcome", "convert", "opportunityAmount", 430000.0));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(kiara.getProcessInstanceId())
                .activityId("Task_ConvertToOpportunity").singleResult().getId());
        taskService.complete(work(liam), Map.of("workOutcome", "closeLost", "closeReason", "UNREACHABLE",
                "outcomeNote", "Three calls, no answer"));

        JsonNode converted = JSON.readTree(as("ryan").getForEntity("/api/referrals/" + kiara.getReferenceNumber()
                + "/standing", String.class).getBody());
        Assertions.assertThat(converted.get("statusText").asText()).isEqualTo("Converted");
        Assertions.assertThat(converted.at("/outcome/opportunityId").isNumber()).isTrue();
        Assertions.assertThat(converted.at("/outcome/text").asText())
                .isEqualTo("Converted into opportunity " + converted.at("/outcome/opportunityId").asLong());

        ResponseEntity<String> sent = as("ryan").getForEntity("/api/referrals/sent", String.class);
        JsonNode lost = JSON.readTree(sent.getBody()).get(0);
        Assertions.assertThat(lost.get("referenceNumber").asText()).isEqualTo(liam.getReferenceNumber());
        Assertions.assertThat(lost.get("statusText").asText()).isEqualTo("Closed as lost");
        Assertions.assertThat(lost.at("/outcome/text").asText()).isEqualTo("Closed as lost: Unreachable");
        Assertions.assertThat(sent.getBody()).doesNotContain("Three calls, no answer");   // the owner's note stays hers
    }

    @Test
    void the_page_lists_the_signed_in_colleagues_referrals_and_asks_anyone_else_to_sign_in() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        intake.create(RelayTestData.referral("Ines <b>Larsen</b>", "INSURANCE", "2000", "ryan"));

        ResponseEntity<String> page = as("ryan").getForEntity("/referrals/sent", String.class);
        Assertions.assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
        Assertions.assertThat(page.getBody()).contains("Referrals I sent", "2 referrals", kiara.getReferenceNumber(),
                "Kiara Thompson", "Waiting to be accepted", "Alice Romero (Retail Lending)", "Ines &lt;b&gt;Larsen&lt;/b&gt;")
                .doesNotContain("<b>Larsen</b>", "customer@mail.example");

        Assertions.assertThat(as("alice").getForEntity("/referrals/sent", String.class).getBody())
                .contains("You have not referred anyone yet").doesNotContain("Kiara");
        HttpResponse<String> anonymous = anonymous("/referrals/sent");
        Assertions.assertThat(anonymous.statusCode()).isEqualTo(401);
        Assertions.assertThat(anonymous.body()).contains("Sign in to Tasklist").doesNotContain("Kiara");
    }

    private java.util.List<String> sentReferences(String user) throws Exception {
        ResponseEntity<String> answer = as(user).getForEntity("/api/referrals/sent", String.class);
        Assertions.assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        java.util.List<String> references = new java.util.ArrayList<>();
        JSON.readTree(answer.getBody()).forEach(s -> references.add(s.get("referenceNumber").asText()));
        return references;
    }

    /** Without credentials (the suite's TestRestTemplate signs in as the administrator). */
    private HttpResponse<String> anonymous(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }

    private Referral accepted(Referral referral) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        return data.reload(referral);
    }

    private String work(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(data.reload(referral).getProcessInstanceId())
                .taskDefinitionKey("Task_WorkReferral").singleResult().getId();
    }
}
