package org.relay.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer names every field at fault: a value of the wrong type (an unknown enum constant, text for a number) is
 * reported with the rule violations of the other fields, and a request parameter of the wrong type is named too.
 */
class AllFieldProblemsTogetherTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Test
    void an_unknown_kind_is_reported_with_the_empty_name_the_bad_email_the_unknown_product_and_the_negative_amount()
            throws Exception {
        String body = """
                {"kind": "X", "recordType": "PERSON_REFERRAL",
                 "customer": {"type": "PERSON", "name": "", "email": "not-an-email", "phone": "+1 555 0101"},
                 "expressedInterest": "YACHT", "interestValue": {"amount": -5, "currency": "USD"},
                 "sourceChannel": "COLLEAGUE", "referrer": {"type": "INTERNAL_USER", "id": "ryan"}}
                """;
        JsonNode problem = badRequest(post("/api/referrals", body));
        Assertions.assertThat(fields(problem)).containsExactlyInAnyOrder("customer.email", "customer.name",
                "expressedInterest", "interestValue.amount", "kind");
        Assertions.assertThat(message(problem, "kind")).contains("must be one of").contains("REFERRAL");
    }

    @Test
    void two_wrong_types_in_one_body_are_both_named_and_nothing_is_created() throws Exception {
        String body = """
                {"kind": "REFERRAL", "recordType": "PERSON_REFERRAL",
                 "customer": {"type": "ROBOT", "name": "Kiara", "email": "kiara@mail.example"},
                 "expressedInterest": "MORTGAGE", "interestValue": {"amount": "lots", "currency": "USD"},
                 "sourceChannel": "COLLEAGUE", "referrer": {"type": "INTERNAL_USER", "id": "ryan"}}
                """;
        JsonNode problem = badRequest(post("/api/referrals", body));
        Assertions.assertThat(fields(problem)).containsExactlyInAnyOrder("customer.type", "interestValue.amount");
        Assertions.assertThat(json.readTree(rest.getForObject("/api/referrals", String.class))).isEmpty();
    }

    @Test
    void a_request_parameter_of_the_wrong_type_is_named_in_errors() throws Exception {
        JsonNode status = badRequest(rest.getForEntity("/api/referrals/export.csv?status=BOGUS", String.class));
        Assertions.assertThat(fields(status)).containsExactly("status");
        Assertions.assertThat(message(status, "status")).contains("must be one of").contains("ASSIGNED");

        JsonNode limit = badRequest(rest.getForEntity("/api/referrers/top?limit=many", String.class));
        Assertions.assertThat(fields(limit)).containsExactly("limit");
        Assertions.assertThat(message(limit, "limit")).contains("whole number");
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode badRequest(ResponseEntity<String> response) throws Exception {
        Assertions.assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        return json.readTree(response.getBody());
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode e : problem.get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no problem named " + field + " in " + problem);
    }
}
