package org.relay.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** A missed review deadline is an SLA breach, and it stays recorded when the referral moves on to a manager. */
class BreachOutlivesEscalationTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    ManagementService managementService;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Test
    void two_escalations_leave_the_referral_flagged_and_the_speed_report_counts_the_breach() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(referral.getProcessInstanceId());

        managementService.executeJob(escalationTimer(referral).getId());
        Referral once = referrals.findById(referral.getId()).orElseThrow();
        Assertions.assertThat(once.getRoutingBasis()).isEqualTo("ESCALATED");
        Assertions.assertThat(once.getOverdueAt()).as("breached when escalated").isNotNull();

        notifyRecipient(referral.getProcessInstanceId());
        managementService.executeJob(escalationTimer(referral).getId());
        Referral twice = referrals.findById(referral.getId()).orElseThrow();
        Assertions.assertThat(twice.getOverdueAt()).as("the first breach is kept").isEqualTo(once.getOverdueAt());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode row = json.readTree(rest.getForObject("/api/reports/speed?from=" + today.minusDays(1) + "&to="
                + today.plusDays(1), String.class)).get("rows").get(0);
        Assertions.assertThat(row.get("escalations").asLong()).isEqualTo(1);
        Assertions.assertThat(row.get("slaBreaches").asLong()).isEqualTo(1);
    }

    private Job escalationTimer(Referral referral) {
        return managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .activityId("Timer_ReviewEscalation").singleResult();
    }
}
