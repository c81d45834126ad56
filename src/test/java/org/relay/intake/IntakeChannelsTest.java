package org.relay.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
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
import java.util.Map;
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
    void an_advisor_creates_a_referral_from_the_tasklist_start_form() {
        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(LifecycleVariables.PROCESS_KEY).latestVersion().singleResult().getId();
        Map<String, Object> form = new HashMap<>();
        form.put("kind", "REFERRAL");
        form.put("recordType", "PERSON_REFERRAL");
        form.put("customerType", "PERSON");
        form.put("customerName", "Rachel Adams");
        form.put("customerPhone", "+1 555 0123");
        form.put("expressedInterest", "MORTGAGE");
        form.put("interestAmount", 380000L);
        form.put("interestCurrency", "USD");
        form.put("sourceChannel", "COLLEAGUE");
        form.put("lawfulBasis", "CONTRACT");

        identityService.setAuthentication("ryan", java.util.List.of("wealth-management"));   // as Tasklist does
        ProcessInstance instance;
        try {
            instance = formService.submitStartForm(definition, form);
        } finally {
            identityService.clearAuthentication();
        }

        Referral referral = referrals.findByReferenceNumber(
                runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey())
                .orElseThrow();
        Assertions.assertThat(referral.getKind()).isEqualTo(ReferralKind.REFERRAL);
        Assertions.assertThat(referral.getReferrer().getId()).isEqualTo("ryan");
        Assertions.assertThat(referral.getReferrer().getName()).isEqualTo("Ryan Walsh");
        Assertions.assertThat(referral.getProcessInstanceId()).isEqualTo(instance.getId());
        Assertions.assertThat(referral.getOwnerId()).isEqualTo("alice");
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), "customerPhone")).isEqualTo("+1 555 0123");
        Assertions.assertThat(referral.getLawfulBasis()).isEqualTo("CONTRACT");
        Assertions.assertThat(referral.getCreatedBy()).isEqualTo("ryan");
    }

    @Test
    void a_start_form_the_rules_refuse_starts_nothing() {
        String definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(LifecycleVariables.PROCESS_KEY).latestVersion().singleResult().getId();
        Map<String, Object> form = Map.of("kind", "LEAD", "recordType", "GENERAL", "customerType", "PERSON",
                "customerName", "Nobody Reachable", "expressedInterest", "MORTGAGE", "sourceChannel", "COLLEAGUE");

        identityService.setAuthentication("ryan", java.util.List.of("wealth-management"));
        try {
            Assertions.assertThatThrownBy(() -> formService.submitStartForm(definition, form))
                    .hasMessageContaining("customer: needs a phone or an email");
        } finally {
            identityService.clearAuthentication();
        }
        Assertions.assertThat(referrals.count()).isZero();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(definition).count()).isZero();
    }

    private ResponseEntity<String> post(String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return rest.postForEntity("/api/referrals", new HttpEntity<>(body, headers), String.class);
    }
}
