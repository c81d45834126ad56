package org.relay.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.relay.support.ComplianceOfficer;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GET /api/referrals?q=: a manager finds a referral by its reference number or part of the customer's name, among
 * the referrals they may see, with the total in X-Total-Count; an erased customer is not found by their old name; a
 * bad parameter is a 400 naming it.
 */
class ReferralSearchTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReferralIntake intake;

    @Autowired
    IdentityService identityService;

    @Autowired
    ObjectMapper json;

    @Test
    void a_manager_finds_a_referral_by_part_of_the_name_or_its_reference_in_any_case() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));

        for (String q : List.of("Kiara", "kiara", "THOMPSON", "ra thom", "  Kiara   Thompson ")) {
            ResponseEntity<String> found = get("jackie", "/api/referrals?q=" + q);
            Assertions.assertThat(found.getStatusCode()).as(q).isEqualTo(HttpStatus.OK);
            Assertions.assertThat(references(found)).as(q).containsExactly(kiara.getReferenceNumber());
            Assertions.assertThat(found.getHeaders().getFirst("X-Total-Count")).as(q).isEqualTo("1");
        }
        ResponseEntity<String> byReference = get("jackie", "/api/referrals?q=" + kiara.getReferenceNumber().toLowerCase());
        Assertions.assertThat(references(byReference)).containsExactly(kiara.getReferenceNumber());
        // the same row shape as the list: the customer, the product, where it stands
        JsonNode row = json.readTree(byReference.getBody()).get(0);
        Assertions.assertThat(row.path("customer").path("name").asText()).isEqualTo("Kiara Thompson");
        Assertions.assertThat(row.path("status").asText()).isEqualTo("ASSIGNED");
        Assertions.assertThat(row.path("timeline").size()).isZero();

        // LIKE's wildcards are searched for as characters, not as "anything"
        for (String wildcard : List.of("%%%", "___", "!%_")) {
            ResponseEntity<String> nothing = get("demo", "/api/referrals?q=" + wildcard);
            Assertions.assertThat(references(nothing)).as(wildcard).isEmpty();
            Assertions.assertThat(nothing.getHeaders().getFirst("X-Total-Count")).isEqualTo("0");
        }
    }

    @Test
    void the_search_follows_relays_access_rules() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // retail lending, alice's, referred by ryan
        Assertions.assertThat(kiara.getQueueId()).isEqualTo("retail-lending");

        for (String allowed : List.of("jackie", "alice", "bob", "ryan", "demo")) {
            Assertions.assertThat(references(get(allowed, "/api/referrals?q=Kiara"))).as(allowed)
                    .containsExactly(kiara.getReferenceNumber());
        }
        for (String other : List.of("carlos", "ivan", "wendy")) {
            ResponseEntity<String> nothing = get(other, "/api/referrals?q=Kiara");
            Assertions.assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.OK);
            Assertions.assertThat(references(nothing)).as(other).isEmpty();
            Assertions.assertThat(nothing.getHeaders().getFirst("X-Total-Count")).as(other).isEqualTo("0");
            Assertions.assertThat(references(get(other, "/api/referrals?q=" + kiara.getReferenceNumber()))).as(other).isEmpty();
        }
    }

    @Test
    void an_erased_customer_is_not_found_by_their_old_name() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        ComplianceOfficer.ensure(identityService);
        ResponseEntity<String> erased = rest.withBasicAuth(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD)
                .postForEntity("/api/customers/" + kiara.getReferenceNumber() + "/erasure",
                        jsonBody(Map.of("reason", "Art. 17 request")), String.class);
        Assertions.assertThat(erased.getStatusCode()).as(erased.getBody()).isEqualTo(HttpStatus.OK);

        Assertions.assertThat(references(get("demo", "/api/referrals?q=Kiara"))).isEmpty();
        Assertions.assertThat(references(get("demo", "/api/referrals?q=thompson"))).isEmpty();
        // by its reference it is still there, without the name
        ResponseEntity<String> byReference = get("demo", "/api/referrals?q=" + kiara.getReferenceNumber());
        Assertions.assertThat(references(byReference)).containsExactly(kiara.getReferenceNumber());
        Assertions.assertThat(byReference.getBody()).doesNotContain("Kiara").doesNotContain("Thompson");
    }

    @Test
    void pages_newest_first_with_the_total_in_a_header() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(intake.create(RelayTestData.referral("Mia Searchwell", "MORTGAGE", "200000", "ryan")).getReferenceNumber());
        }
        intake.create(RelayTestData.referral("Noah Other", "MORTGAGE", "200000", "ryan"));

        ResponseEntity<String> first = get("jackie", "/api/referrals?q=searchwell&size=2");
        Assertions.assertThat(first.getHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        Assertions.assertThat(references(first)).containsExactly(created.get(2), created.get(1));
        ResponseEntity<String> second = get("jackie", "/api/referrals?q=searchwell&size=2&page=1");
        Assertions.assertThat(references(second)).containsExactly(created.get(0));
        Assertions.assertThat(second.getHeaders().getFirst("X-Total-Count")).isEqualTo("3");

        // without q the whole visible list, counted the same way; status still filters
        ResponseEntity<String> all = get("jackie", "/api/referrals?size=1");
        Assertions.assertThat(all.getHeaders().getFirst("X-Total-Count")).isEqualTo("4");
        Assertions.assertThat(get("jackie", "/api/referrals?q=searchwell&status=CONVERTED").getHeaders()
                .getFirst("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void a_bad_parameter_is_a_400_naming_it() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/referrals?q=ab", "q",
                "/api/referrals?q=   ", "q",
                "/api/referrals?q=" + "x".repeat(201), "q",
                "/api/referrals?page=-1", "page",
                "/api/referrals?page=first", "page",
                "/api/referrals?size=0", "size",
                "/api/referrals?size=500", "size",
                "/api/referrals?status=WAITING", "status",
                "/api/users", "id");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ResponseEntity<String> answer = get("jackie", c.getKey());
            Assertions.assertThat(answer.getStatusCode()).as(c.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            Assertions.assertThat(answer.getHeaders().getContentType()).as(c.getKey())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            Assertions.assertThat(json.readTree(answer.getBody()).path("errors").get(0).path("field").asText())
                    .as(c.getKey()).isEqualTo(c.getValue());
        }
        ResponseEntity<String> two = get("jackie", "/api/referrals?q=ab&size=0");
        Assertions.assertThat(json.readTree(two.getBody()).path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("q", "size");
    }

    @Test
    void colleagues_names_by_user_id() throws Exception {
        JsonNode names = json.readTree(get("bob", "/api/users?id=bianca&id=jackie&id=nobody-here").getBody());
        Assertions.assertThat(names.findValuesAsText("userId")).containsExactlyInAnyOrder("bianca", "jackie");
        Assertions.assertThat(names.findValuesAsText("name")).contains("Bianca Rossi");
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private List<String> references(ResponseEntity<String> answer) throws Exception {
        Assertions.assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody()).findValuesAsText("referenceNumber");
    }

    private static HttpEntity<Map<String, ?>> jsonBody(Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
