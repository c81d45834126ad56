package org.relay.customerstatus;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Consent where staff create referrals: the referral says whether its customer agreed to status updates, and a
 * manager sends a fresh link (older ones revoked, the confirmation mailed again, audited) only to a customer who did.
 */
class CustomerLinkResendTest extends RelayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferralIntake intake;
    @Autowired
    StatusPageRateLimit rateLimit;

    private final HttpClient http = HttpClient.newHttpClient();
    private StatusPageVisitor kiara;

    @BeforeEach
    @AfterEach
    void forgetTheLimits() {
        rateLimit.reset();
        kiara = new StatusPageVisitor(port);
    }

    @Test
    void the_referral_shows_the_consent_and_a_manager_sends_a_fresh_link_that_replaces_the_old_one() throws Exception {
        Referral agreed = intake.create(CustomerStatusPageTest.kiaraAgreedToUpdates());
        String first = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(0));
        Assertions.assertThat(api("alice", "GET", "/api/referrals/" + agreed.getReferenceNumber()).body())
                .contains("\"statusUpdates\":true");

        // alice works in the queue, does not manage it: 403; jackie manages it
        Assertions.assertThat(api("alice", "POST", "/api/referrals/" + agreed.getReferenceNumber() + "/customer-links")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> resent = api("jackie", "POST", "/api/referrals/" + agreed.getReferenceNumber() + "/customer-links");

        Assertions.assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        Assertions.assertThat(resent.body()).contains("\"revoked\":1").contains("expiresAt").doesNotContain("/public/status/");
        Assertions.assertThat(mailsTo("kiara@mail.example")).hasSize(2);
        String fresh = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(1));
        Assertions.assertThat(fresh).isNotEqualTo(first);
        Assertions.assertThat(kiara.get("/public/status/" + first).statusCode()).isEqualTo(404);
        Assertions.assertThat(kiara.get("/public/status/" + fresh).body()).contains("Hello Kiara,");
        Assertions.assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "select count(*) from audit_entry where referral_number = ? and detail like 'customer status link sent again%'",
                Long.class, agreed.getReferenceNumber())).isEqualTo(1);
    }

    @Test
    void a_customer_who_did_not_agree_gets_no_link() throws Exception {
        Referral silent = intake.create(RelayTestData.kiarasMortgage());
        Assertions.assertThat(api("jackie", "GET", "/api/referrals/" + silent.getReferenceNumber()).body())
                .contains("\"statusUpdates\":false");
        HttpResponse<String> refused = api("jackie", "POST", "/api/referrals/" + silent.getReferenceNumber() + "/customer-links");
        Assertions.assertThat(refused.statusCode()).isEqualTo(409);
        Assertions.assertThat(refused.body()).contains("did not agree to status updates");
        Assertions.assertThat(mailsTo("customer@mail.example")).isEmpty();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    private HttpResponse<String> api(String user, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
