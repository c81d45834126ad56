package org.relay.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.ComplianceOfficer;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Who may see what: Relay's API and the engine's REST API both need a user; a recipient sees their queue's
 * referrals and nobody else's; managers see what they manage; reads and exports of personal data are audited.
 */
class AccessControlTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ReferralIntake intake;

    @Autowired
    IdentityService identityService;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Test
    void nothing_without_signing_in_except_health_and_the_public_pages() throws Exception {
        for (String path : new String[]{"/api/referrals", "/api/reports/funnel", "/api/audit", "/engine-rest/task",
                "/api/catalog", "/actuator/metrics"}) {
            HttpResponse<String> response = anonymous.send(get(path).build(), HttpResponse.BodyHandlers.ofString());
            Assertions.assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> problem = anonymous.send(get("/api/referrals").build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> Assertions.assertThat(type).startsWith("application/problem+json"));
        Assertions.assertThat(anonymous.send(get("/api/referrals").header("Authorization", basic("nobody", "wrong"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = anonymous.send(get(probe).build(), HttpResponse.BodyHandlers.ofString());
            Assertions.assertThat(health.statusCode()).as(probe).isEqualTo(200);
            Assertions.assertThat(health.body()).as(probe).contains("\"UP\"");
        }
        HttpResponse<String> page = anonymous.send(get("/public/lead").build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(page.statusCode()).isEqualTo(200);
        Assertions.assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> Assertions.assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'self'"));
        Assertions.assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        Assertions.assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        Assertions.assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        Assertions.assertThat(page.headers().allValues("Set-Cookie")).allSatisfy(cookie ->
                Assertions.assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void a_verified_sign_in_is_remembered_for_a_short_period_only() throws Exception {
        var carol = identityService.newUser("carol-cache");
        carol.setPassword("First-Password-1");
        identityService.saveUser(carol);
        try {
            Assertions.assertThat(status("carol-cache", "First-Password-1")).isEqualTo(200);
            Assertions.assertThat(status("carol-cache", "First-Password-1", "/api/reports/funnel")).isEqualTo(403);
            var changed = identityService.createUserQuery().userId("carol-cache").singleResult();
            changed.setPassword("Second-Password-2");
            identityService.saveUser(changed);
            identityService.createMembership("carol-cache", "referral-managers");

            // remembered with the sign-in: the old password and the old groups hold until the period ends (test
            // profile 2 s, production 30 s)
            Assertions.assertThat(status("carol-cache", "First-Password-1")).isEqualTo(200);
            Assertions.assertThat(status("carol-cache", "First-Password-1", "/api/reports/funnel")).isEqualTo(403);
            Assertions.assertThat(status("carol-cache", "Second-Password-2", "/api/reports/funnel")).isEqualTo(200);
            identityService.deleteMembership("carol-cache", "referral-managers");
            Thread.sleep(2_500);
            // then Camunda checks the password and the groups again: no longer a manager, the old password refused
            // (a refused password is never remembered)
            Assertions.assertThat(status("carol-cache", "Second-Password-2", "/api/reports/funnel")).isEqualTo(403);
            Assertions.assertThat(status("carol-cache", "First-Password-1")).isEqualTo(401);
            Assertions.assertThat(status("carol-cache", "First-Password-1")).isEqualTo(401);
        } finally {
            identityService.deleteMembership("carol-cache", "referral-managers");
            identityService.deleteUser("carol-cache");
        }
    }

    private int status(String user, String password) throws Exception {
        return status(user, password, "/api/catalog");
    }

    private int status(String user, String password, String path) throws Exception {
        return anonymous.send(get(path).header("Authorization", basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void a_recipient_sees_their_queues_referrals_and_no_others() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // Ryan refers; retail lending, Alice
        String path = "/api/referrals/" + kiara.getReferenceNumber();

        Assertions.assertThat(as("alice").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(as("bob").getForEntity(path, String.class).getStatusCode())
                .as("a colleague in the same queue").isEqualTo(HttpStatus.OK);
        Assertions.assertThat(as("ryan").getForEntity(path, String.class).getStatusCode())
                .as("the referrer").isEqualTo(HttpStatus.OK);
        Assertions.assertThat(as("jackie").getForEntity(path, String.class).getStatusCode())
                .as("the queue's manager").isEqualTo(HttpStatus.OK);
        ResponseEntity<String> carlos = as("carlos").getForEntity(path, String.class);
        Assertions.assertThat(carlos.getStatusCode()).as("another queue").isEqualTo(HttpStatus.NOT_FOUND);
        Assertions.assertThat(as("carlos").getForEntity(path + "/activities", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode carlosList = json.readTree(as("carlos").getForEntity("/api/referrals", String.class).getBody());
        Assertions.assertThat(carlosList.findValuesAsText("referenceNumber")).doesNotContain(kiara.getReferenceNumber());
        JsonNode aliceList = json.readTree(as("alice").getForEntity("/api/referrals", String.class).getBody());
        Assertions.assertThat(aliceList.findValuesAsText("referenceNumber")).contains(kiara.getReferenceNumber());

        // Tasklist's API agrees: the engine shows Carlos no task of retail lending, Alice hers
        Assertions.assertThat(json.readTree(as("carlos").getForEntity("/engine-rest/task", String.class).getBody()))
                .isEmpty();
        Assertions.assertThat(json.readTree(as("alice").getForEntity("/engine-rest/task?processInstanceBusinessKey="
                + kiara.getReferenceNumber(), String.class).getBody())).hasSize(1);
    }

    @Test
    void a_recipient_who_opens_cockpit_gets_a_page_saying_where_their_work_is() throws Exception {
        HttpResponse<String> cockpit = org.relay.support.WebappSession.logIn(port, "bob").page("/camunda/app/cockpit/default/");
        Assertions.assertThat(cockpit.statusCode()).isEqualTo(403);
        Assertions.assertThat(cockpit.body()).contains("This page is not for your role").contains("Cockpit is where managers")
                .contains("/camunda/app/tasklist/").doesNotContain("Whitelabel");
    }

    @Test
    void each_user_sees_the_tasklist_filters_of_their_own_queues() throws Exception {
        Assertions.assertThat(filterNames("bob")).containsExactlyInAnyOrder("My referrals", "Queue: Retail Lending");
        Assertions.assertThat(filterNames("carlos")).containsExactlyInAnyOrder("My referrals", "Queue: Cards and Loans");
        Assertions.assertThat(filterNames("jackie")).containsExactlyInAnyOrder("My referrals", "Queue: Referral Managers");
        Assertions.assertThat(filterNames("demo")).contains("My referrals", "Queue: Insurance", "All referrals");
    }

    private List<String> filterNames(String user) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        json.readTree(as(user).getForEntity("/engine-rest/filter?resourceType=Task", String.class).getBody())
                .forEach(filter -> names.add(filter.get("name").asText()));
        return names;
    }

    @Test
    void roles_gate_reports_administration_and_the_audit_trail() {
        Assertions.assertThat(as("bob").getForEntity("/api/reports/funnel", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(as("jackie").getForEntity("/api/reports/funnel", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Assertions.assertThat(as("jackie").exchange("/api/queues/retail-lending", HttpMethod.PUT,
                jsonBody(Map.of("managerGroupId", "referral-managers")), String.class).getStatusCode())
                .as("queue settings are for administrators").isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(as("bob").getForEntity("/api/audit", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(as("bob").getForEntity("/api/users/alice/open-referrals", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(as("alice").getForEntity("/api/users/alice/open-referrals", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_new_manager_group_counts_at_once_on_the_node_that_set_it() {
        // someone signs in: the set of manager groups is now remembered (relay.security.credentials-cache)
        Assertions.assertThat(as("bob").getForEntity("/api/referrals?size=1", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        try {
            Assertions.assertThat(as("demo").exchange("/api/queues/insurance", HttpMethod.PUT,
                    jsonBody(Map.of("managerGroupId", "cards-and-loans", "lineOfBusiness", "insurance")), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            // Carlos (cards and loans) manages insurance now: a manager's page answers him at once, not after the cache
            Assertions.assertThat(as("carlos").getForEntity("/api/advocates/ADV-123/referrer-preferences", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            Assertions.assertThat(as("demo").exchange("/api/queues/insurance", HttpMethod.PUT,
                    jsonBody(Map.of("managerGroupId", "referral-managers", "lineOfBusiness", "insurance")), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void nobody_acts_in_someone_elses_name() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        ResponseEntity<String> forged = as("alice").postForEntity("/api/referrals/" + kiara.getReferenceNumber()
                + "/activities", jsonBody(Map.of("type", "CALL", "subject", "Called", "recordedBy", "bob")), String.class);
        Assertions.assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(forged.getBody()).contains("recordedBy");

        ResponseEntity<String> asRyan = as("bob").postForEntity("/api/referrals",
                jsonBody(RelayTestData.kiarasMortgage()), String.class);
        Assertions.assertThat(asRyan.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(asRyan.getBody()).contains("referrer.id");
    }

    @Test
    void reads_changes_and_exports_are_in_the_audit_trail_for_compliance() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String reference = kiara.getReferenceNumber();
        HttpHeaders purpose = new HttpHeaders();
        purpose.set("Relay-Purpose", "customer called about her mortgage");
        as("alice").exchange("/api/referrals/" + reference, HttpMethod.GET, new HttpEntity<>(purpose), String.class);
        as("jackie").getForEntity("/api/reports/funnel?format=csv", String.class);

        ComplianceOfficer.ensure(identityService);
        JsonNode trail = json.readTree(as(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD).getForEntity("/api/audit?referral=" + reference,
                String.class).getBody());
        Assertions.assertThat(trail).anySatisfy(entry -> {
            Assertions.assertThat(entry.get("actor").asText()).isEqualTo("alice");
            Assertions.assertThat(entry.get("action").asText()).isEqualTo("VIEWED");
            Assertions.assertThat(entry.get("purpose").asText()).isEqualTo("customer called about her mortgage");
        });
        JsonNode exports = json.readTree(as(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD).getForEntity("/api/audit?action=EXPORTED",
                String.class).getBody());
        Assertions.assertThat(exports).anySatisfy(entry -> {
            Assertions.assertThat(entry.get("actor").asText()).isEqualTo("jackie");
            Assertions.assertThat(entry.get("subject").asText()).isEqualTo("report funnel");
        });
        ResponseEntity<String> csv = as(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD).getForEntity("/api/audit?format=csv", String.class);
        Assertions.assertThat(csv.getBody()).startsWith("occurredAt,actor,action,referralNumber,subject,detail,purpose");
        Assertions.assertThat(as(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD).getForEntity("/api/audit?action=PEEKED", String.class)
                .getBody()).contains("action");
    }

    @Test
    void exports_mask_personal_data_unless_compliance_asks_for_it_in_full() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String masked = as("alice").getForEntity("/api/referrals/export.csv", String.class).getBody();
        Assertions.assertThat(masked).contains(kiara.getReferenceNumber()).contains("K. T.").contains("c***@mail.example")
                .contains("+* *** **01").doesNotContain("Kiara").doesNotContain("customer@mail.example");
        Assertions.assertThat(as("alice").getForEntity("/api/referrals/export.csv?full=true", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ComplianceOfficer.ensure(identityService);
        String full = as(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD)
                .getForEntity("/api/referrals/export.csv?full=true", String.class).getBody();
        Assertions.assertThat(full).contains("Kiara Thompson").contains("customer@mail.example");
        var exports = as(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD)
                .getForEntity("/api/audit?action=EXPORTED", String.class).getBody();
        Assertions.assertThat(exports).contains("personal data masked").contains("FULL personal data");
    }

    @Test
    void the_first_administrator_comes_from_configuration_and_weak_secrets_are_refused() {
        Assertions.assertThat(identityService.createUserQuery().userId("relay-admin").memberOfGroup(Groups.CAMUNDA_ADMIN)
                .count()).isEqualTo(1);
        Assertions.assertThat(as("relay-admin", "Correct-Horse-Battery-9").getForEntity("/api/audit", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        Assertions.assertThat(StrongSecrets.passwordProblems("admin", "Correct-Horse-Battery-9")).isEmpty();
        Assertions.assertThat(StrongSecrets.passwordProblems("admin", null)).containsExactly("is missing");
        Assertions.assertThat(StrongSecrets.passwordProblems("admin", "short1!")).anyMatch(p -> p.contains("shorter"));
        Assertions.assertThat(StrongSecrets.passwordProblems("admin", "alllowercaseletters")).anyMatch(p -> p.contains("three"));
        Assertions.assertThat(StrongSecrets.passwordProblems("jane", "Jane-2026-Springfield")).anyMatch(p -> p.contains("user id"));
        Assertions.assertThat(StrongSecrets.passwordProblems("root", "MyPassword-2026!")).anyMatch(p -> p.contains("guessable"));
        Assertions.assertThat(StrongSecrets.linkSecretProblems("demo-only-secret-change-me-0123456789abcdef")).isNotEmpty();
        Assertions.assertThat(StrongSecrets.linkSecretProblems("too-short")).isNotEmpty();
        Assertions.assertThat(StrongSecrets.linkSecretProblems("k9Qz2vX7pL4mT8wR1sB6nY3cF5hJ0dGe")).isEmpty();
    }


    private TestRestTemplate as(String user) {
        return as(user, user);   // demo users' passwords are their ids
    }

    private TestRestTemplate as(String user, String password) {
        return rest.withBasicAuth(user, password);
    }

    private static HttpEntity<Object> jsonBody(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
