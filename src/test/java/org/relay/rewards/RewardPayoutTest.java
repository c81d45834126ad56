package org.relay.rewards;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relay.conversion.ReferralConversion;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.Parallel;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Money leaves exactly once: concurrent approvals credit once, concurrent payout exports share no reward, a
 * confirmation marks paid once however often it is sent, and the CSV read back holds what was exported.
 */
class RewardPayoutTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;
    @Autowired
    RewardRepository rewards;
    @Autowired
    RewardLedger ledger;
    @Autowired
    TaskService taskService;
    @Autowired
    ReferralConversion conversion;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void eight_managers_approving_one_reward_at_once_credit_it_once() throws Exception {
        Referral oliver = intake.create(RelayTestData.advocatesReferral("Oliver Grant", "oliver@mail.example", "MORTGAGE"));
        jdbc.update("update advocate set email = 'oliver@mail.example' where code = 'ADV-123'");   // a finding: it waits
        Reward pending = transactions.execute(s -> ledger.earn(data.reload(oliver), RewardOutcome.CONVERTED, "bob").orElseThrow());
        Assertions.assertThat(pending.getStatus()).isEqualTo(RewardStatus.PENDING_APPROVAL);

        ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        Parallel.run(8, 8, i -> answers.add(as(i % 2 == 0 ? "jackie" : "demo").postForEntity("/api/rewards/"
                        + pending.getReference() + "/decision", RewardLedgerTest.jsonBody(Map.of("decision", "APPROVE")), String.class)
                .getStatusCode().value()));

        Assertions.assertThat(answers).containsOnly(200, 409);
        Assertions.assertThat(answers.stream().filter(a -> a == 200)).hasSize(1);
        Assertions.assertThat(jdbc.queryForObject("select count(*) from reward_ledger_entry where reward_id = ? and type = 'APPROVED'",
                Integer.class, pending.getId())).isEqualTo(1);
        Assertions.assertThat(taskService.createTaskQuery().processInstanceBusinessKey(pending.getReference()).count()).isZero();
    }

    @Test
    void payable_rewards_are_exported_once_confirmed_once_and_read_back_from_the_csv() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        taskService.complete(taskService.createTaskQuery().processInstanceId(kiara.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        Referral sofia = intake.create(RelayTestData.advocatesReferral("Sofia Marsh", "sofia@mail.example", "CREDIT_CARD"));
        Reward advocates = transactions.execute(s -> ledger.earn(data.reload(sofia), RewardOutcome.CONVERTED, "bob").orElseThrow());
        Assertions.assertThat(advocates.getStatus()).isEqualTo(RewardStatus.APPROVED);

        ResponseEntity<String> tooEarly = as("jackie").postForEntity("/api/rewards/payouts", RewardLedgerTest.jsonBody(Map.of()), String.class);
        Assertions.assertThat(tooEarly.getStatusCode().value()).as("still in the review period").isEqualTo(409);

        ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(31))));
        ConcurrentLinkedQueue<ResponseEntity<String>> created = new ConcurrentLinkedQueue<>();
        Parallel.run(4, 4, i -> created.add(as("jackie").postForEntity("/api/rewards/payouts",
                RewardLedgerTest.jsonBody(Map.of()), String.class)));
        List<ResponseEntity<String>> batches = created.stream().filter(r -> r.getStatusCode().value() == 201).toList();
        Assertions.assertThat(batches).as("one batch takes them; the others find nothing payable").hasSize(1);
        Assertions.assertThat(created.stream().filter(r -> r.getStatusCode().value() == 409)).hasSize(3);
        String batch = new com.fasterxml.jackson.databind.ObjectMapper().readTree(batches.get(0).getBody()).get("reference").asText();

        ResponseEntity<String> csv = as("jackie").getForEntity("/api/rewards/payouts/" + batch + "/csv", String.class);
        Assertions.assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.getBody())).getRecords();
        Assertions.assertThat(rows).hasSize(2);
        CSVRecord ryan = rows.stream().filter(r -> r.get("referrerId").equals("ryan")).findFirst().orElseThrow();
        Assertions.assertThat(ryan.get("batch")).isEqualTo(batch);
        Assertions.assertThat(ryan.get("points")).isEqualTo("5");
        Assertions.assertThat(ryan.get("creditQueue")).isEqualTo("wealth-management");
        Assertions.assertThat(ryan.get("referral")).isEqualTo(kiara.getReferenceNumber());
        CSVRecord lena = rows.stream().filter(r -> r.get("referrerId").equals("ADV-123")).findFirst().orElseThrow();
        Assertions.assertThat(new BigDecimal(lena.get("amount"))).isEqualByComparingTo("25.00");
        Assertions.assertThat(lena.get("currency")).isEqualTo("USD");
        Assertions.assertThat(lena.get("referrerType")).isEqualTo("ADVOCATE");

        for (int i = 0; i < 2; i++) {
            ResponseEntity<String> confirmed = as("jackie").postForEntity("/api/rewards/payouts/" + batch + "/confirmation", null, String.class);
            Assertions.assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(200);
            Assertions.assertThat(confirmed.getBody()).contains("\"status\":\"CONFIRMED\"");
        }
        Assertions.assertThat(jdbc.queryForObject("select count(*) from reward_ledger_entry where type = 'PAID'", Integer.class))
                .as("paid once each").isEqualTo(2);
        Assertions.assertThat(rewards.findByReference(advocates.getReference()).orElseThrow().getStatus()).isEqualTo(RewardStatus.PAID);
        Assertions.assertThat(as("jackie").postForEntity("/api/rewards/payouts", RewardLedgerTest.jsonBody(Map.of()), String.class)
                .getStatusCode().value()).as("nothing left to pay").isEqualTo(409);

        // the deal fell through after the payment: reversed, and what was paid is owed back
        ResponseEntity<String> reversed = as("jackie").postForEntity("/api/rewards/" + advocates.getReference() + "/reversal",
                RewardLedgerTest.jsonBody(Map.of("reason", "Card cancelled within the first month")), String.class);
        Assertions.assertThat(reversed.getStatusCode().value()).as(reversed.getBody()).isEqualTo(200);
        String balances = as("jackie").getForObject("/api/referrers/ADV-123/rewards", String.class);
        Assertions.assertThat(balances).contains("\"owedBack\":25.00");
        Assertions.assertThat(as("bob").postForEntity("/api/rewards/payouts/" + batch + "/confirmation", null, String.class)
                .getStatusCode().value()).as("managers only").isEqualTo(403);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }
}
