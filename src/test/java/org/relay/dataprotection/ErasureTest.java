package org.relay.dataprotection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralStatus;
import org.relay.referral.ReferrerType;
import org.relay.support.ComplianceOfficer;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The right to erasure: after {@code POST /api/customers/{id}/erasure} no table of the database — Relay's or the
 * engine's, runtime or history — holds the person's name, email or phone, while the referrals still count in reports.
 */
class ErasureTest extends RelayIntegrationTest {

    private static final String NAME = "Zelda Quintero";
    private static final String EMAIL = "zelda.quintero@mail.example";
    private static final String PHONE = "+1 555 019 9123";
    private static final String CUSTOMER = "C-7788";

    @Autowired
    ReferralIntake intake;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    IdentityService identityService;

    @Test
    void erasure_leaves_no_trace_of_the_person_in_any_table_and_keeps_the_counts() throws Exception {
        // one referral converted (customer account, contact, household), one still waiting for review
        Referral converted = intake.create(zelda("MORTGAGE", "Prefers calls after 5pm, ask for Zelda Quintero"));
        var tasks = processEngine.getTaskService();
        notifyRecipient(converted.getProcessInstanceId());
        tasks.complete(task(converted).getId(), Map.of("reviewDecision", "accept"));
        rest.postForEntity("/api/referrals/" + converted.getReferenceNumber() + "/activities", jsonBody(Map.of(
                "type", "CALL", "subject", "Called Zelda Quintero", "body", "Reached her on " + PHONE,
                "recordedBy", converted.getOwnerId())), String.class);
        tasks.complete(task(converted).getId(), Map.of("workOutcome", "convert"));
        var management = processEngine.getManagementService();
        management.executeJob(management.createJobQuery().processInstanceId(converted.getProcessInstanceId())
                .activityId("Task_ConvertToOpportunity").singleResult().getId());
        for (var job = nextJob(converted); job != null; job = nextJob(converted)) {
            management.executeJob(job.getId());   // referrer score, thank-you mail: this lifecycle is over
        }
        Referral waiting = intake.create(zelda("CREDIT_CARD", "Also wants a card"));
        notifyRecipient(waiting.getProcessInstanceId());
        Assertions.assertThat(hits()).as("the person is in the database before erasure").isNotEmpty();

        ComplianceOfficer.ensure(identityService);
        ResponseEntity<String> forbidden = rest.withBasicAuth("bob", "bob").postForEntity(
                "/api/customers/" + CUSTOMER + "/erasure", jsonBody(Map.of("reason", "customer request")), String.class);
        Assertions.assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> erased = asCompliance().postForEntity("/api/customers/" + CUSTOMER + "/erasure",
                jsonBody(Map.of("reason", "Art. 17 request of 2026-11-25, ticket DP-1042")), String.class);
        Assertions.assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = json.readTree(erased.getBody());
        Assertions.assertThat(result.get("newlyErased").asInt()).isEqualTo(2);
        Assertions.assertThat(result.get("lifecyclesEnded").asInt()).isEqualTo(1);

        Assertions.assertThat(hits()).as("columns still holding the name, email or phone").isEmpty();

        // the referrals still count: status, product, stage timestamps and outcome stay
        Referral keptConverted = data.reload(converted);
        Assertions.assertThat(keptConverted.getStatus()).isEqualTo(ReferralStatus.CONVERTED);
        Assertions.assertThat(keptConverted.getExpressedInterest()).isEqualTo("MORTGAGE");
        Assertions.assertThat(keptConverted.getConvertedAt()).isNotNull();
        Referral keptWaiting = data.reload(waiting);
        Assertions.assertThat(keptWaiting.getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);
        Assertions.assertThat(keptWaiting.getCloseReason()).isEqualTo("ERASED");
        Assertions.assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(waiting.getReferenceNumber()).count()).as("its lifecycle ended").isZero();
        Assertions.assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(converted.getProcessInstanceId()).count()).as("step history kept").isPositive();

        // idempotent, and on the audit trail
        JsonNode again = json.readTree(asCompliance().postForEntity("/api/customers/" + waiting.getReferenceNumber()
                + "/erasure", jsonBody(Map.of("reason", "repeat")), String.class).getBody());
        Assertions.assertThat(again.get("newlyErased").asInt()).isZero();
        JsonNode audit = json.readTree(asCompliance().getForEntity("/api/audit?action=ERASED", String.class).getBody());
        Assertions.assertThat(audit).anySatisfy(entry -> {
            Assertions.assertThat(entry.get("actor").asText()).isEqualTo("cora");
            Assertions.assertThat(entry.get("referralNumber").asText()).isEqualTo(converted.getReferenceNumber());
            Assertions.assertThat(entry.get("purpose").asText()).contains("DP-1042");
        });
    }

    /** Every text and binary column of every table in the database that still contains one of the identifiers. */
    private List<String> hits() {
        List<String> patterns = List.of("%zelda%", "%quintero%", "%zelda.quintero@%", "%5550199123%", "%555 019 9123%");
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                 where table_schema = 'public' and data_type in ('character varying', 'text', 'bytea', 'character')""");
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String expression = "bytea".equals(column.get("data_type"))
                    ? "lower(encode(\"" + name + "\", 'escape'))" : "lower(\"" + name + "\")";
            Integer count = jdbc.queryForObject("select count(*) from \"" + table + "\" where " + expression
                    + " like any (?::text[])", Integer.class, (Object) patterns.toArray(String[]::new));
            if (count != null && count > 0) {
                found.add(table + "." + name + " (" + count + ")");
            }
        }
        return found;
    }

    private static CreateReferralRequest zelda(String product, String notes) {
        return new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, NAME, null, PHONE, EMAIL, "Springfield",
                        "Central", CUSTOMER),
                product, new CreateReferralRequest.InterestValue(new BigDecimal("300000"), "USD"), "COLLEAGUE",
                new CreateReferralRequest.ReferrerData(ReferrerType.INTERNAL_USER, "ryan", null), notes);
    }

    private org.camunda.bpm.engine.runtime.Job nextJob(Referral referral) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .list().stream().findFirst().orElse(null);
    }

    private org.camunda.bpm.engine.task.Task task(Referral referral) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .singleResult();
    }

    private TestRestTemplate asCompliance() {
        return rest.withBasicAuth(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD);
    }


    private static HttpEntity<Object> jsonBody(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
