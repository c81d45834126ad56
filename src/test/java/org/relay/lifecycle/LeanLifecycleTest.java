package org.relay.lifecycle;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lifecycle keeps ids and decisions, nothing else (issue #27): the decision tables' inputs are read from the
 * referral when they run, and the engine's history leaves out what Relay's record and timeline already hold.
 */
class LeanLifecycleTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_new_referral_s_lifecycle_holds_its_ids_and_decisions_only() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        String instance = referral.getProcessInstanceId();

        Assertions.assertThat(jdbc.queryForList("select name_ from act_ru_variable where proc_inst_id_ = ? and task_id_ is null",
                String.class, instance)).containsExactlyInAnyOrder(
                        "referralId", "referenceNumber",                // ids
                        "taskPriority", "sla", "routingRule",           // decisions
                        "recipientUser", "recipientQueue",              // the routing's outcome, read by the task's assignment
                        "reviewRemindAt", "reviewEscalateAt");          // the review timers' due dates
        // the routing still decided on the referral's facts: Kiara's mortgage went to retail lending
        Assertions.assertThat(jdbc.queryForObject("select text_ from act_ru_variable where proc_inst_id_ = ? and name_ = 'recipientQueue'",
                String.class, instance)).isEqualTo("retail-lending");
    }

    @Test
    void history_keeps_what_cockpit_and_the_reports_read_and_not_the_copies() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        String instance = referral.getProcessInstanceId();

        // activity history (Cockpit, the step-duration report) and the decisions' results are kept
        Assertions.assertThat(jdbc.queryForList("select act_id_ from act_hi_actinst where proc_inst_id_ = ?", String.class, instance))
                .contains("StartEvent_ReferralCreated", "Task_ScoreReferral", "Task_DecideSla", "Task_DecideQueue", "Task_ReviewReferral");
        Assertions.assertThat(jdbc.queryForList("select name_ from act_hi_varinst where proc_inst_id_ = ?", String.class, instance))
                .contains("referralId", "sla", "routingRule", "recipientQueue")
                // Tasklist's list columns are copies of the referral, rewritten from it for every task: not history
                .doesNotContain("listCustomer", "listReference", "listLastActivity")
                // the decision inputs were never stored
                .doesNotContain("customerCity", "expressedInterest", "interestAmount");
        // no per-write audit of variables (Relay's timeline is the audit) and no decision history of the lifecycle's tables
        Assertions.assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where proc_inst_id_ = ?", Integer.class, instance)).isZero();
        Assertions.assertThat(jdbc.queryForObject("select count(*) from act_hi_decinst where proc_inst_id_ = ?", Integer.class, instance)).isZero();
    }
}
