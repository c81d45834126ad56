package org.relay.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.common.InvalidRequestException;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferrerType;
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


/**
 * An advocate's referral carries the advocate's name from the advocate table; an unknown or inactive code is refused
 * naming the field; the advocate's owner gets only what their queue serves.
 */
class AdvocateReferralsTest extends RelayIntegrationTest {

    @Autowired
    AdvocateRepository advocates;

    @Autowired
    ReferralIntake intake;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Test
    void the_advocates_name_comes_from_the_advocate_table() throws Exception {
        advocates.save(new Advocate("ADV-123", "Lena Ortiz (Ortiz Realty)", "bob", true));
        ResponseEntity<String> created = post(fromAdvocate("ADV-123", "MORTGAGE"));
        Assertions.assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode referrer = json.readTree(created.getBody()).get("referrer");
        Assertions.assertThat(referrer.get("name").asText()).isEqualTo("Lena Ortiz (Ortiz Realty)");
    }

    @Test
    void an_unknown_or_inactive_advocate_code_is_refused_naming_the_field() throws Exception {
        advocates.save(new Advocate("ADV-9", "Retired realtor", "bob", false));
        for (String code : new String[]{"ADV-999", "ADV-9"}) {
            ResponseEntity<String> refused = post(fromAdvocate(code, "MORTGAGE"));
            Assertions.assertThat(refused.getStatusCode()).as(code).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode errors = json.readTree(refused.getBody()).get("errors");
            Assertions.assertThat(errors).extracting(e -> e.get("field").asText()).containsExactly("referrer.id");
            Assertions.assertThat(errors.get(0).get("message").asText()).contains(code);
        }
        Assertions.assertThat(json.readTree(rest.getForObject("/api/referrers/top", String.class))).isEmpty();
    }

    @Test
    void the_advocates_owner_gets_what_their_queue_serves_and_the_rules_route_the_rest() {
        advocates.save(new Advocate("ADV-123", "Lena Ortiz", "bob", true));

        Referral mortgage = intake.create(fromAdvocate("ADV-123", "MORTGAGE"));
        Assertions.assertThat(mortgage.getOwnerId()).isEqualTo("bob");
        Assertions.assertThat(mortgage.getRoutingBasis()).isEqualTo("ADVOCATE_OWNER");

        Referral card = intake.create(fromAdvocate("ADV-123", "CREDIT_CARD"));
        Assertions.assertThat(card.getQueueId()).isEqualTo("cards-and-loans");
        Assertions.assertThat(card.getOwnerId()).isIn("carlos", "dana");
        Assertions.assertThat(card.getRoutingBasis()).isNotEqualTo("ADVOCATE_OWNER");
    }

    @Test
    void intake_refuses_the_unknown_code_on_every_channel() {
        Assertions.assertThatThrownBy(() -> intake.create(fromAdvocate("ADV-999", "MORTGAGE")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("referrer.id");
    }

    private static CreateReferralRequest fromAdvocate(String code, String product) {
        CreateReferralRequest r = RelayTestData.referral("Oliver Grant", product, "20000", "ryan");
        return new CreateReferralRequest(r.kind(), r.recordType(), r.customer(), r.expressedInterest(), r.interestValue(),
                "ADVOCATE", new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, code, null), r.notes());
    }

    private ResponseEntity<String> post(CreateReferralRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>(request, headers), String.class);
    }
}
