package org.relay.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.support.ComplianceOfficer;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * The customer records a conversion creates (account, contact, household) are readable through the API by whoever may
 * read the opportunity's customer: its owner, the queue's managers, compliance and administrators; nobody else.
 */
class CustomerRecordsApiTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Test
    void a_converted_referrals_account_contact_and_household_are_read_by_those_who_may() throws Exception {
        ComplianceOfficer.ensure(identityService);
        Referral referral = converted();
        String owner = referral.getOwnerId();
        JsonNode opportunity = json.readTree(rest.getForObject("/api/referrals/" + referral.getReferenceNumber()
                + "/opportunity", String.class));
        long accountId = opportunity.get("accountId").asLong();
        long contactId = opportunity.get("contactId").asLong();

        JsonNode account = json.readTree(rest.withBasicAuth(owner, owner).getForObject("/api/accounts/" + accountId, String.class));
        Assertions.assertThat(account.get("name").asText()).isEqualTo("Kiara Thompson");
        Assertions.assertThat(account.get("contacts")).extracting(c -> c.get("id").asLong()).containsExactly(contactId);
        long householdId = account.get("household").get("id").asLong();

        JsonNode contact = json.readTree(rest.withBasicAuth("jackie", "jackie").getForObject("/api/contacts/" + contactId, String.class));
        Assertions.assertThat(contact.get("accountId").asLong()).isEqualTo(accountId);
        JsonNode household = json.readTree(rest.withBasicAuth(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD)
                .getForObject("/api/households/" + householdId, String.class));
        Assertions.assertThat(household.get("accounts")).extracting(a -> a.get("id").asLong()).containsExactly(accountId);

        for (String path : new String[]{"/api/accounts/" + accountId, "/api/contacts/" + contactId,
                "/api/households/" + householdId}) {
            Assertions.assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            for (String outsider : new String[]{"ryan", "carlos"}) {
                ResponseEntity<String> refused = rest.withBasicAuth(outsider, outsider).getForEntity(path, String.class);
                Assertions.assertThat(refused.getStatusCode()).as(outsider + " " + path).isEqualTo(HttpStatus.NOT_FOUND);
                Assertions.assertThat(refused.getBody()).doesNotContain("Kiara");
            }
        }
        Assertions.assertThat(rest.getForEntity("/api/accounts/999999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Referral converted() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_WorkReferral").singleResult().getId(),
                Map.of("workOutcome", "convert", "opportunityAmount", 400000.0));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .activityId("Task_ConvertToOpportunity").singleResult().getId());
        return referrals.findById(referral.getId()).orElseThrow();
    }
}
