package org.relay.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralRepository;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.HashMap;
import java.util.List;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The API's Idempotency-Key and the Tasklist start form. */
class IntakeChannelsTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    FormService formService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Autowired
    HistoryService historyService;

    @Test
    void a_retried_request_with_the_same_key_returns_the_first_referral_and_creates_nothing() throws Exception {
        String body = json.writeValueAsString(RelayTestData.kiarasMortgage());

        ResponseEntity<String> first = post(body, "order-7f3a");
        ResponseEntity<String> retry = post(body, "order-7f3a");

        Assertions.assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Assertions.assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Assertions.assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        Assertions.assertThat(json.readTree(retry.getBody()).get("referenceNumber"))
                .isEqualTo(json.readTree(first.getBody()).get("referenceNumber"));
        Assertions.assertThat(referrals.count()).isEqualTo(1);
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(1);
    }

    @Test
    void concurrent_retries_still_create_one_referral() throws Exception {
        String body = json.writeValueAsString(RelayTestData.kiarasMortgage());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ResponseEntity<String>>> calls = java.util.Collections.nCopies(6, () -> post(body, "burst-1"));
            List<String> references = new java.util.ArrayList<>();
            for (Future<ResponseEntity<String>> answer : pool.invokeAll(calls)) {
                Assertions.assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.CREATED);
                references.add(json.readTree(answer.get().getBody()).get("referenceNumber").asText());
            }
            Assertions.assertThat(references).containsOnly(references.get(0));
        } finally {
            pool.shutdownNow();
        }
        Assertions.assertThat(referrals.count()).isEqualTo(1);
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_a_different_request_is_refused() throws Exception {
        post(json.writeValueAsString(RelayTestData.kiarasMortgage()), "k-1");

        ResponseEntity<String> other = post(json.writeValueAsString(
                RelayTestData.referral("Someone Else", "MORTGAGE", "100000", "ryan")), "k-1");

        Assertions.assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        Assertions.assertThat(referrals.count()).isEqualTo(1);
    }

    @Test
    void an_advisor_creates_a_referral_from_the_tasklist_start_form_and_the_engine_keeps_none_of_it() {
        VariableMap form = transientForm(Map.of("kind", "REFERRAL", "recordType", "PERSON_REFERRAL",
                "customerType", "PERSON", "customerName", "Rachel Adams", "customerPhone", "+1 555 0123",
                "expressedInterest", "MORTGAGE", "interestCurrency", "USD", "sourceChannel", "COLLEAGUE",
                "lawfulBasis", "CONTRACT"));
        form.putValueTyped("interestAmount", Variables.doubleValue(380000.0, true));

        ProcessInstance started = asRyan(() -> formService.submitStartForm(newReferralDefinition(), form));

        Referral referral = referrals.findByReferenceNumber(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(started.getId()).singleResult().getBusinessKey()).orElseThrow();
        Assertions.assertThat(referral.getKind()).isEqualTo(ReferralKind.REFERRAL);
        Assertions.assertThat(referral.getCustomer().getPhone()).isEqualTo("+1 555 0123");
        Assertions.assertThat(referral.getInterestAmount()).isEqualByComparingTo("380000");
        Assertions.assertThat(referral.getReferrer().getId()).isEqualTo("ryan");
        Assertions.assertThat(referral.getReferrer().getName()).isEqualTo("Ryan Walsh");
        Assertions.assertThat(referral.getOwnerId()).isEqualTo("alice");
        Assertions.assertThat(referral.getLawfulBasis()).isEqualTo("CONTRACT");
        Assertions.assertThat(referral.getCreatedBy()).isEqualTo("ryan");
        // Relay started the lifecycle (Ryan holds no right to), and neither process keeps the customer's data
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(referral.getProcessInstanceId())
                .processDefinitionKey(LifecycleVariables.PROCESS_KEY).count()).isEqualTo(1);
        // ... but for the name in Tasklist's list, a column of the review task itself (readable with the task only)
        var engineVariables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(started.getId(), referral.getProcessInstanceId()).list();
        Assertions.assertThat(engineVariables).filteredOn(v -> v.getTaskId() == null)
                .extracting(v -> String.valueOf(v.getValue()))
                .doesNotContain("Rachel Adams", "+1 555 0123").contains(referral.getReferenceNumber());
        // the column is a copy rewritten for every task, so it is not kept in the engine's history either (LeanHistory)
        Assertions.assertThat(engineVariables).extracting(v -> String.valueOf(v.getValue()))
                .doesNotContain("Rachel Adams", "+1 555 0123");
        Assertions.assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(referral.getProcessInstanceId())
                .list()).filteredOn(v -> "Rachel Adams".equals(v.getValue()))
                .allMatch(v -> v.getTaskId() != null).extracting(v -> v.getName()).containsExactly("listCustomer");
    }

    @Test
    void a_start_form_the_rules_refuse_starts_nothing() {
        VariableMap form = transientForm(Map.of("kind", "LEAD", "recordType", "GENERAL", "customerType", "PERSON",
                "customerName", "Nobody Reachable", "expressedInterest", "MORTGAGE", "sourceChannel", "COLLEAGUE"));

        long before = historyService.createHistoricProcessInstanceQuery().count();

        Assertions.assertThatThrownBy(() -> asRyan(() -> formService.submitStartForm(newReferralDefinition(), form)))
                .hasMessageContaining("customer: needs a phone or an email");
        Assertions.assertThat(referrals.count()).isZero();
        Assertions.assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void a_start_that_would_keep_the_customers_data_in_the_engine_is_refused() {
        Map<String, Object> kept = new HashMap<>(Map.of("kind", "REFERRAL", "recordType", "PERSON_REFERRAL",
                "customerType", "PERSON", "customerName", "Rachel Adams", "customerPhone", "+1 555 0123",
                "expressedInterest", "MORTGAGE", "sourceChannel", "COLLEAGUE"));

        long before = historyService.createHistoricVariableInstanceQuery().count();

        Assertions.assertThatThrownBy(() -> asRyan(() -> formService.submitStartForm(newReferralDefinition(), kept)))
                .hasMessageContaining("transient");
        Assertions.assertThat(referrals.count()).isZero();
        Assertions.assertThat(historyService.createHistoricVariableInstanceQuery().count()).isEqualTo(before);
    }

    private String newReferralDefinition() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("NewReferralProcess")
                .latestVersion().singleResult().getId();
    }

    private static VariableMap transientForm(Map<String, String> fields) {
        VariableMap form = Variables.createVariables();
        fields.forEach((name, value) -> form.putValueTyped(name, Variables.stringValue(value, true)));
        return form;
    }

    /** As Tasklist does: the engine call runs for the signed-in advisor. */
    private <T> T asRyan(java.util.function.Supplier<T> work) {
        identityService.setAuthentication("ryan", List.of("wealth-management"));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ResponseEntity<String> post(String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return rest.postForEntity("/api/referrals", new HttpEntity<>(body, headers), String.class);
    }
}
