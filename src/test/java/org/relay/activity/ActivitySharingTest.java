package org.relay.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the referrer reads of the work on their referral: only what is shared with "referrer" or with their user id,
 * and {@code ?sharedWith=<their user id>} finds what was shared with "referrer" (the README's pair).
 */
class ActivitySharingTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReferralIntake intake;

    @Autowired
    ObjectMapper json;

    @Test
    void the_referrer_finds_what_is_shared_with_referrer_under_their_user_id_and_reads_nothing_else() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        String owner = referral.getOwnerId();
        String path = "/api/referrals/" + referral.getReferenceNumber() + "/activities";
        record(path, Map.of("type", "CALL", "subject", "Told Ryan it is moving", "recordedBy", owner,
                "sharedWith", List.of("referrer")));
        record(path, Map.of("type", "NOTE", "subject", "Credit file looks thin", "recordedBy", owner));

        TestRestTemplate ryan = rest.withBasicAuth("ryan", "ryan");
        Assertions.assertThat(subjects(ryan, path + "?sharedWith=ryan")).containsExactly("Told Ryan it is moving");
        Assertions.assertThat(subjects(ryan, path + "?sharedWith=referrer")).containsExactly("Told Ryan it is moving");
        Assertions.assertThat(subjects(ryan, path)).containsExactly("Told Ryan it is moving");
        Assertions.assertThat(subjects(rest, path + "?sharedWith=ryan")).containsExactly("Told Ryan it is moving");
        Assertions.assertThat(subjects(rest, path)).hasSize(2);

        String detail = ryan.getForObject("/api/referrals/" + referral.getReferenceNumber(), String.class);
        Assertions.assertThat(detail).doesNotContain("Credit file looks thin");
        Assertions.assertThat(rest.getForObject("/api/referrals/" + referral.getReferenceNumber(), String.class))
                .contains("Credit file looks thin");
    }

    private void record(String path, Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        Assertions.assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private List<String> subjects(TestRestTemplate client, String path) throws Exception {
        ResponseEntity<String> response = client.getForEntity(path, String.class);
        Assertions.assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        List<String> subjects = new ArrayList<>();
        for (JsonNode activity : json.readTree(response.getBody())) {
            subjects.add(activity.get("subject").asText());
        }
        return subjects;
    }
}
