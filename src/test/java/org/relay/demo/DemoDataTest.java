package org.relay.demo;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.stream.Collectors;

/** The demo story holds on PostgreSQL too: Kiara's mortgage waits for Bob, the other referrals show each stage. */
class DemoDataTest extends RelayIntegrationTest {

    @Autowired
    DemoReferrals demoReferrals;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @Autowired
    DemoHistory demoHistory;

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    @Test
    void the_demo_history_puts_a_trained_model_live_and_ryan_tops_the_referrers() throws Exception {
        demoHistory.create();
        demoReferrals.create();

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var model = json.readTree(rest.getForObject("/api/scoring/models/active", String.class));
        Assertions.assertThat(model.get("auc").asDouble()).isGreaterThan(model.get("aucPrior").asDouble());
        Assertions.assertThat(byCustomer("Kiara Thompson").getLeadScoreModel()).isEqualTo("lr-" + model.get("version").asInt());
        var top = json.readTree(rest.getForObject("/api/referrers/top?limit=3", String.class));
        Assertions.assertThat(top.get(0).get("referrerId").asText()).isEqualTo("ryan");
        Assertions.assertThat(top.get(0).get("name").asText()).isEqualTo("Ryan Walsh");
    }

    @Test
    void the_tour_starts_with_kiaras_referral_in_bobs_tasklist() {
        demoReferrals.create();

        Referral kiara = byCustomer("Kiara Thompson");
        Assertions.assertThat(kiara.getOwnerId()).isEqualTo("bob");
        Task review = taskService.createTaskQuery().processInstanceId(kiara.getProcessInstanceId()).singleResult();
        Assertions.assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewReferral");
        Assertions.assertThat(review.getAssignee()).isEqualTo("bob");
        Referral oliver = byCustomer("Oliver Grant");
        Assertions.assertThat(oliver.getOwnerId()).isEqualTo("bob");
        Assertions.assertThat(oliver.getRoutingBasis()).isEqualTo("ADVOCATE_OWNER");
        Assertions.assertThat(byCustomer("Grace Liu").getOwnerId()).isEqualTo("wendy");
        Assertions.assertThat(byCustomer("Grace Liu").getRoutingBasis()).isEqualTo("RELATIONSHIP_OWNER");

        Map<ReferralStatus, Long> byStatus = referrals.findAll().stream()
                .collect(Collectors.groupingBy(Referral::getStatus, Collectors.counting()));
        Assertions.assertThat(byStatus).containsEntry(ReferralStatus.ASSIGNED, 5L)
                .containsEntry(ReferralStatus.IN_PROGRESS, 1L)
                .containsEntry(ReferralStatus.CONVERTED, 1L)
                .containsEntry(ReferralStatus.CLOSED_LOST, 1L);

        Assertions.assertThat(filterService.createFilterQuery().filterName("My referrals").count()).isEqualTo(1);
        Assertions.assertThat(filterService.createFilterQuery().filterName("Queue: Retail Lending").count()).isEqualTo(1);
    }

    private Referral byCustomer(String name) {
        return referrals.findAll().stream().filter(r -> r.getCustomer().getName().equals(name)).findFirst().orElseThrow();
    }
}
