package org.relay.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue #26, item 4: the demo on PostgreSQL with Camunda's password policy on (the postgres profile) died creating its
 * first user ("Password does not match policy"). Here the suite's engine gets the policy switched on, the demo team
 * is created afresh as on a new database, and the tour's first steps work with the password the start prints.
 */
class DemoOnPostgresTest extends RelayIntegrationTest {

    private static final String POLICY_PASSWORD = "Tour-of-Relay-26";

    @Autowired
    IdentityService identityService;
    @Autowired
    DemoReferrals demoReferrals;
    @Autowired
    DemoPasswords passwords;
    @Autowired
    ReferralRepository referrals;
    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_demo_team_meets_the_password_policy_and_bob_finds_kiara() throws Exception {
        ProcessEngineConfiguration engine = processEngine.getProcessEngineConfiguration();
        var previousPolicy = engine.getPasswordPolicy();
        engine.setPasswordPolicy(new DefaultPasswordPolicyImpl());
        engine.setEnablePasswordPolicy(true);
        try {
            // what the demo did before: a user id as password is refused by the policy, so no user was created
            User probe = identityService.newUser("bob");
            probe.setPassword("bob");
            Assertions.assertThatThrownBy(() -> identityService.saveUser(probe))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Password does not match policy");

            // a database made for the demo: the demo team is created there from nothing
            DemoTeam.PEOPLE.forEach(person -> identityService.deleteUser(person.id()));
            bank.ensure();
            demoReferrals.create();

            Assertions.assertThat(DemoTeam.PEOPLE).allSatisfy(person -> {
                Assertions.assertThat(identityService.checkPassword(person.id(), POLICY_PASSWORD)).as(person.id()).isTrue();
                Assertions.assertThat(identityService.checkPassword(person.id(), person.id())).as(person.id()).isFalse();
            });
            Assertions.assertThat(bank.signInTable()).contains("bob", "Retail Lending", POLICY_PASSWORD)
                    .contains("jackie", "demo", "administrator");
            Assertions.assertThat(bank.passwordOf("bob")).isEqualTo(POLICY_PASSWORD);

            // the README's tour with the printed password: Bob's Review of Kiara's mortgage, Jackie's queue
            Referral kiara = referrals.findAll().stream()
                    .filter(r -> r.getCustomer().getName().equals("Kiara Thompson")).findFirst().orElseThrow();
            JsonNode bobsTasks = get("bob", "/engine-rest/task?assignee=bob");
            Assertions.assertThat(bobsTasks.findValuesAsText("taskDefinitionKey")).contains("Task_ReviewReferral");
            JsonNode referral = get("bob", "/api/referrals/" + kiara.getReferenceNumber());
            Assertions.assertThat(referral.get("status").asText()).isEqualTo("ASSIGNED");
            JsonNode queue = get("jackie", "/api/queues/retail-lending/open-referrals?sort=priority");
            Assertions.assertThat(queue.findValuesAsText("customer")).contains("Kiara Thompson");

            // a configured password the policy refuses stops the demo before it creates anyone, naming the rules
            DemoPasswords weak = new DemoPasswords(identityService, engine, "relay");
            User ryan = identityService.newUser("ryan");
            Assertions.assertThatThrownBy(() -> weak.forNewUser(ryan)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("relay.demo.password does not meet Camunda's password policy")
                    .hasMessageContaining("PASSWORD_POLICY_LENGTH");
        } finally {
            // the rest of the suite signs in with user ids as passwords again
            engine.setEnablePasswordPolicy(false);
            engine.setPasswordPolicy(previousPolicy);
            DemoTeam.PEOPLE.forEach(person -> identityService.deleteUser(person.id()));
            bank.ensure();
        }
        Assertions.assertThat(identityService.checkPassword("bob", "bob")).isTrue();
        Assertions.assertThat(passwords.describe("bob")).isEqualTo("bob");
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth(user, POLICY_PASSWORD).getForEntity(path, String.class);
        Assertions.assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }
}
