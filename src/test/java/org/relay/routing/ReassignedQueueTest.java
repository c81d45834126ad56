package org.relay.routing;

import org.relay.queue.RoutingQueueRepository;
import org.relay.queue.RoutingQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
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

import java.util.Map;

/** A referral reassigned to a person moves to that person's queue, and its manager grants follow. */
class ReassignedQueueTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    ManagementService managementService;

    @Autowired
    RoutingQueueRepository queues;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    IdentityService identityService;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Test
    void an_escalated_referral_reassigned_to_wendy_moves_to_her_queue() throws Exception {
        Referral referral = escalated();
        Assertions.assertThat(reload(referral).getQueueId()).isEqualTo("referral-managers");

        JsonNode body = reassign(referral, "wendy");
        Assertions.assertThat(body.get("queue").asText()).isEqualTo("wealth-management");
        Assertions.assertThat(body.get("owner").asText()).isEqualTo("wendy");
    }

    @Test
    void the_queue_the_routing_rule_chose_wins_for_someone_in_several_queues_and_the_new_queues_managers_read_it()
            throws Exception {
        RoutingQueue cards = queues.findById("cards-and-loans").orElseThrow();
        String managers = cards.getManagerGroupId();
        identityService.createMembership("wendy", "retail-lending");
        try {
            Referral mortgage = escalated();
            Assertions.assertThat(reassign(mortgage, "wendy").get("queue").asText())
                    .as("the mortgage rule's queue, retail-lending, of wendy's two").isEqualTo("retail-lending");

            cards.escalatesTo("cards-managers");
            queues.save(cards);
            Referral other = intake.create(RelayTestData.referral("Noor Haddad", "MORTGAGE", "300000", "ryan"));
            Assertions.assertThat(reassign(other, "carlos").get("queue").asText()).isEqualTo("cards-and-loans");
            Assertions.assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                    .resourceId(other.getProcessInstanceId()).groupIdIn("cards-managers").count()).isEqualTo(1);
        } finally {
            identityService.deleteMembership("wendy", "retail-lending");
            cards.escalatesTo(managers);
            queues.save(cards);
        }
    }

    @Test
    void a_colleague_in_the_referrals_queue_keeps_it_there() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        String other = referral.getOwnerId().equals("mike") ? "alice" : "mike";
        Assertions.assertThat(reassign(referral, other).get("queue").asText()).isEqualTo("retail-lending");
    }

    private Referral escalated() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .activityId("Timer_ReviewEscalation").singleResult().getId());
        return reload(referral);
    }

    private JsonNode reassign(Referral referral, String user) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange("/api/referrals/" + referral.getReferenceNumber() + "/reassignment",
                HttpMethod.POST, new HttpEntity<>(Map.of("requestedBy", "jackie", "toUser", user,
                        "note", "knows the customer"), headers), String.class);
        Assertions.assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private Referral reload(Referral referral) {
        return referrals.findById(referral.getId()).orElseThrow();
    }
}
