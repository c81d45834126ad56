package org.relay.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.relay.common.LifecycleInputException;
import org.relay.conversion.Opportunity;
import org.relay.conversion.ReferralConversion;
import org.relay.dataprotection.PersonalDataEraser;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CreateReferralRequest.CustomerData;
import org.relay.referral.CreateReferralRequest.InterestValue;
import org.relay.referral.CreateReferralRequest.ReferrerData;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralTimeline;
import org.relay.referral.ReferrerType;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The reward ledger end to end on PostgreSQL: earning at the timeline's turns, each gaming check, the cap (held and
 * the managers mailed), a manager's decision in Tasklist and over the API, reversals, erasure, and who may read what.
 */
class RewardLedgerTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;
    @Autowired
    RewardRepository rewards;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ReferralConversion conversion;
    @Autowired
    ReferralTimeline timeline;
    @Autowired
    PersonalDataEraser eraser;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void an_accepted_colleagues_referral_earns_points_at_once_credited_to_the_branch_they_referred_from() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        accept(kiara);

        Reward reward = only(kiara);
        Assertions.assertThat(reward.getOutcome()).isEqualTo(RewardOutcome.ACCEPTED);
        Assertions.assertThat(reward.getReferrerType()).isEqualTo(RewardReferrerType.EMPLOYEE);
        Assertions.assertThat(reward.getPoints()).isEqualTo(5);
        Assertions.assertThat(reward.getStatus()).isEqualTo(RewardStatus.APPROVED);
        Assertions.assertThat(reward.getCreditQueue()).as("Ryan's queue when he referred").isEqualTo("wealth-management");
        Assertions.assertThat(reward.getPayableFrom()).isEqualTo(reward.getEarnedAt().plus(java.time.Duration.ofDays(30)));
        Assertions.assertThat(reward.isPayable(reward.getEarnedAt())).as("not before the review period ends").isFalse();
        Assertions.assertThat(ledgerTypes(reward)).containsExactly("EARNED", "APPROVED");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject = ?", Integer.class,
                "reward " + reward.getReference())).as("every ledger change audited").isEqualTo(2);
        Assertions.assertThat(runtimeCount()).as("nothing for a manager").isZero();

        // Ryan moves to retail lending: the credit stays with the branch he referred from
        identityService.createMembership("ryan", "retail-lending");
        try {
            transactions.executeWithoutResult(s -> timeline.record(data.reload(kiara), ReferralEventType.ACCEPTED, "alice", null, null));
            Assertions.assertThat(rewards.findByReferralIdOrderByIdAsc(kiara.getId())).as("earned once").hasSize(1);
        } finally {
            identityService.deleteMembership("ryan", "retail-lending");
        }
    }

    @Test
    void a_won_mortgage_from_an_advocate_waits_for_a_manager_who_decides_in_tasklist_with_a_reason_to_reject() {
        Referral oliver = intake.create(RelayTestData.advocatesReferral("Oliver Grant", "oliver@mail.example", "MORTGAGE"));
        Reward reward = win(oliver);
        Assertions.assertThat(reward.getAmount()).isEqualByComparingTo("250.00");
        Assertions.assertThat(reward.getStatus()).isEqualTo(RewardStatus.PENDING_APPROVAL);
        Task task = approvalTask(reward);
        Assertions.assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ApproveReward");
        Assertions.assertThat(task.getName()).as("whose reward, which one")
                .isEqualTo("Approve reward: " + reward.getReferrerName() + ", " + reward.getReference());
        Assertions.assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "referral-managers".equals(l.getGroupId()));
        Assertions.assertThat(processEngine.getRuntimeService().getVariables(task.getProcessInstanceId()).keySet())
                .as("ids and decisions only").containsExactlyInAnyOrder("rewardId", "heldForCap");

        // Jackie rejects without a reason: refused in plain words, nothing changes
        identityService.setAuthentication("jackie", List.of("referral-managers"));
        try {
            Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(), Variables.createVariables()
                            .putValue("rewardDecision", "REJECT")))
                    .hasMessageContaining("Say why the reward is rejected.")
                    .hasRootCauseInstanceOf(LifecycleInputException.class);
            taskService.complete(task.getId(), Variables.createVariables().putValue("rewardDecision", "REJECT")
                    .putValueTyped("rewardDecisionReason", Variables.stringValue("Lena is the buyer's sister", true)));
        } finally {
            identityService.clearAuthentication();
        }
        Reward decided = rewards.findByReference(reward.getReference()).orElseThrow();
        Assertions.assertThat(decided.getStatus()).isEqualTo(RewardStatus.REJECTED);
        Assertions.assertThat(decided.getDecidedBy()).isEqualTo("jackie");
        Assertions.assertThat(decided.getDecisionReason()).isEqualTo("Lena is the buyer's sister");
        Assertions.assertThat(ledgerTypes(decided)).containsExactly("EARNED", "REJECTED");
    }

    @Test
    void self_referral_the_referrer_is_the_customer() {
        Referral lena = intake.create(RelayTestData.advocatesReferral("Lena Ortiz", "lena@mail.example", "CREDIT_CARD"));
        assertFinding(convert(lena), GamingCheck.SELF_REFERRAL);
    }

    @Test
    void self_referral_the_colleague_owns_the_referral_they_sent() {
        Referral kiara = intake.create(RelayTestData.referral("Kiara Thompson", "MORTGAGE", "450000", "alice"));
        jdbc.update("update referral set owner_id = 'alice' where id = ?", kiara.getId());
        Reward reward = earn(kiara, RewardOutcome.ACCEPTED);
        assertFinding(reward, GamingCheck.SELF_REFERRAL);
        Assertions.assertThat(reward.getStatus()).as("a finding goes to a manager").isEqualTo(RewardStatus.PENDING_APPROVAL);
        Assertions.assertThat(approvalTask(reward)).isNotNull();
    }

    @Test
    void the_customer_already_in_the_referrers_own_book() {
        jdbc.update("insert into customer_advisor (existing_customer_id, queue_id, advisor_user_id) values ('C-7001', 'wealth-management', 'ryan')");
        Referral grace = intake.create(new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CustomerData(CustomerType.PERSON, "Grace Liu", null, "+1 555 0199", "grace@mail.example", "Springfield",
                        "Central", "C-7001", null, null, null, null), "MORTGAGE", new InterestValue(new BigDecimal("90000"), "USD"),
                "COLLEAGUE", new ReferrerData(ReferrerType.INTERNAL_USER, "ryan", null), null));
        assertFinding(earn(grace, RewardOutcome.ACCEPTED), GamingCheck.OWN_BOOK_CUSTOMER);
    }

    @Test
    void the_same_customer_and_product_credited_twice_within_the_window() {
        Referral first = intake.create(RelayTestData.referral("Sam Reyes", "CREDIT_CARD", "5000", "ryan"));
        Reward earlier = earn(first, RewardOutcome.ACCEPTED);
        Assertions.assertThat(earlier.getStatus()).isEqualTo(RewardStatus.APPROVED);
        Referral again = intake.create(RelayTestData.referral("Sam Reyes", "CREDIT_CARD", "5000", "ryan"));
        Reward second = earn(again, RewardOutcome.ACCEPTED);
        assertFinding(second, GamingCheck.CREDITED_TWICE);
        Assertions.assertThat(findings(second)).contains(earlier.getReference());
    }

    @Test
    void the_referrer_and_the_customer_share_contact_details() {
        jdbc.update("update advocate set email = 'family@mail.example' where code = 'ADV-123'");
        Referral paul = intake.create(RelayTestData.advocatesReferral("Paul Ortiz", "Family@mail.example", "CREDIT_CARD"));
        assertFinding(convert(paul), GamingCheck.SHARED_CONTACT_DETAILS);
    }

    @Test
    void unusually_many_referrals_from_one_referrer_in_a_day() {
        Referral last = null;
        for (int i = 0; i < 11; i++) {
            last = intake.create(RelayTestData.referral("Customer " + i, "INSURANCE", "1000", "ryan"));
        }
        Reward reward = earn(last, RewardOutcome.ACCEPTED);
        assertFinding(reward, GamingCheck.MANY_REFERRALS_IN_A_DAY);
        Assertions.assertThat(findings(reward)).contains("11 referrals that day");
    }

    @Test
    void a_reward_past_the_cap_is_held_not_lost_and_the_managers_are_mailed() throws Exception {
        Referral earlier = intake.create(RelayTestData.referral("Earlier Customer", "INSURANCE", "1000", "ryan"));
        Reward big = earn(earlier, RewardOutcome.ACCEPTED);
        jdbc.update("update reward set points = 498 where id = ?", big.getId());   // this month: 498 of 500 points
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        accept(kiara);

        Reward held = only(kiara);
        Assertions.assertThat(held.getStatus()).isEqualTo(RewardStatus.HELD);
        Assertions.assertThat(held.isHeldForCap()).isTrue();
        Assertions.assertThat(ledgerTypes(held)).containsExactly("EARNED", "HELD");
        String instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(held.getReference()).singleResult().getId();
        var job = managementService.createJobQuery().processInstanceId(instance)
                .activityId("Task_TellManagersCapReached").singleResult();
        managementService.executeJob(job.getId());
        var mail = mailsTo("jackie@relay.example");
        Assertions.assertThat(mail).hasSize(1);
        Assertions.assertThat(mail.get(0).getSubject()).startsWith("Reward held at its cap:").contains("5 points");

        ResponseEntity<String> approved = as("jackie").postForEntity("/api/rewards/" + held.getReference() + "/decision",
                jsonBody(Map.of("decision", "APPROVE", "reason", "Exceptional month")), String.class);
        Assertions.assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        Assertions.assertThat(rewards.findByReference(held.getReference()).orElseThrow().getStatus()).isEqualTo(RewardStatus.APPROVED);
        Assertions.assertThat(approvalTaskOrNull(held)).as("the task closes with the decision").isNull();
    }

    @Test
    void two_rewards_earned_at_the_same_moment_cannot_both_pass_the_cap() throws Exception {
        Referral earlier = intake.create(RelayTestData.referral("Earlier Customer", "INSURANCE", "1000", "ryan"));
        Reward big = earn(earlier, RewardOutcome.ACCEPTED);
        jdbc.update("update reward set points = 491 where id = ?", big.getId());   // 491 of 500: room for one more 5
        Referral first = intake.create(RelayTestData.referral("First Customer", "MORTGAGE", "250000", "ryan"));
        Referral second = intake.create(RelayTestData.referral("Second Customer", "MORTGAGE", "260000", "ryan"));

        java.util.concurrent.CountDownLatch firstEarned = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch letFirstCommit = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> transactions.execute(s -> {
                Reward reward = ledger.earn(data.reload(first), RewardOutcome.ACCEPTED, "test").orElseThrow();
                firstEarned.countDown();
                await(letFirstCommit);   // the first transaction stays open while the second earns
                return reward;
            }));
            firstEarned.await();
            var two = pool.submit(() -> transactions.execute(s ->
                    ledger.earn(data.reload(second), RewardOutcome.ACCEPTED, "test").orElseThrow()));
            Thread.sleep(500);
            Assertions.assertThat(two.isDone()).as("the second waits for the first's commit").isFalse();
            letFirstCommit.countDown();
            one.get(30, java.util.concurrent.TimeUnit.SECONDS);
            two.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        Assertions.assertThat(only(first).getStatus()).isNotEqualTo(RewardStatus.HELD);
        Assertions.assertThat(only(second).getStatus()).as("496 + 5 is over 500").isEqualTo(RewardStatus.HELD);
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_won_opportunity_that_falls_through_is_closed_as_lost_with_a_reason_and_the_win_reward_reversed() {
        Referral sofia = intake.create(RelayTestData.advocatesReferral("Sofia Fallthrough", "sofia.ft@mail.example", "CREDIT_CARD"));
        Reward won = win(sofia);
        Referral now = data.reload(sofia);
        Long opportunity = jdbc.queryForObject("select id from opportunity where referral_id = ?", Long.class, sofia.getId());

        ResponseEntity<String> noReason = as(now.getOwnerId()).postForEntity("/api/opportunities/" + opportunity + "/close",
                jsonBody(Map.of("outcome", "LOST", "closedBy", now.getOwnerId())), String.class);
        Assertions.assertThat(noReason.getStatusCode().value()).isEqualTo(409);
        Assertions.assertThat(noReason.getBody()).contains("LOST with the reason");

        ResponseEntity<String> fellThrough = as(now.getOwnerId()).postForEntity("/api/opportunities/" + opportunity + "/close",
                jsonBody(Map.of("outcome", "LOST", "closedBy", now.getOwnerId(), "reason", "Cancelled in the cooling-off period")),
                String.class);
        Assertions.assertThat(fellThrough.getStatusCode().value()).as(fellThrough.getBody()).isEqualTo(200);
        Assertions.assertThat(rewards.findByReference(won.getReference()).orElseThrow().getStatus()).isEqualTo(RewardStatus.REVERSED);

        ResponseEntity<String> again = as(now.getOwnerId()).postForEntity("/api/opportunities/" + opportunity + "/close",
                jsonBody(Map.of("outcome", "WON", "closedBy", now.getOwnerId())), String.class);
        Assertions.assertThat(again.getStatusCode().value()).as("a lost opportunity stays lost").isEqualTo(409);
    }

    @Test
    void an_opportunity_lost_after_it_was_won_takes_back_what_the_win_earned() {
        Referral sofia = intake.create(RelayTestData.advocatesReferral("Sofia Marsh", "sofia@mail.example", "CREDIT_CARD"));
        Reward won = win(sofia);
        Assertions.assertThat(won.getStatus()).isEqualTo(RewardStatus.APPROVED);
        transactions.executeWithoutResult(s -> timeline.record(data.reload(sofia), ReferralEventType.OPPORTUNITY_LOST,
                "alice", "Customer cancelled", null));
        Reward reversed = rewards.findByReference(won.getReference()).orElseThrow();
        Assertions.assertThat(reversed.getStatus()).isEqualTo(RewardStatus.REVERSED);
        Assertions.assertThat(reversed.getReversalReason()).as("kept as a code, worded for each reader")
                .isEqualTo(org.relay.i18n.StoredSentence.of("rewards.reason.opportunity-lost"));
        Assertions.assertThat(as("jackie").getForObject("/api/rewards/" + won.getReference(), String.class))
                .contains("Opportunity lost after it was won");
        org.springframework.http.HttpHeaders french = new org.springframework.http.HttpHeaders();
        french.set("Accept-Language", "fr");
        Assertions.assertThat(as("jackie").exchange("/api/rewards/" + won.getReference(),
                org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(french), String.class)
                .getBody()).contains("Opportunité perdue après avoir été gagnée");
        Assertions.assertThat(rewards.findByReferralIdOrderByIdAsc(sofia.getId())).as("the conversion's reward stays")
                .anyMatch(r -> r.getOutcome() == RewardOutcome.CONVERTED && r.getStatus() == RewardStatus.APPROVED);
    }

    @Test
    void erasing_an_open_referrals_customer_reverses_its_waiting_reward_and_ends_the_managers_task() {
        Referral kiara = intake.create(RelayTestData.referral("Kiara Thompson", "MORTGAGE", "450000", "alice"));
        jdbc.update("update referral set owner_id = 'alice' where id = ?", kiara.getId());
        Reward pending = earn(kiara, RewardOutcome.ACCEPTED);
        Assertions.assertThat(approvalTask(pending)).isNotNull();

        eraser.eraseCustomer(kiara.getReferenceNumber());
        Reward erased = rewards.findByReference(pending.getReference()).orElseThrow();
        Assertions.assertThat(erased.getStatus()).isEqualTo(RewardStatus.REVERSED);
        Assertions.assertThat(erased.getCustomerKey()).isNull();
        Assertions.assertThat(erased.getPoints()).as("amounts kept").isEqualTo(5);
        Assertions.assertThat(approvalTaskOrNull(pending)).isNull();
    }

    @Test
    void a_referrer_reads_their_own_rewards_managers_read_everyones_others_none() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        accept(kiara);
        JsonNode own = json.readTree(as("ryan").getForObject("/api/referrers/ryan/rewards", String.class));
        Assertions.assertThat(own.get("rewards")).hasSize(1);
        Assertions.assertThat(own.get("balances").get(0).get("unit").asText()).isEqualTo("points");
        Assertions.assertThat(own.get("balances").get(0).get("earned").asInt()).isEqualTo(5);
        Assertions.assertThat(own.get("balances").get(0).get("payable").asInt()).as("in its review period").isZero();
        Assertions.assertThat(as("jackie").getForEntity("/api/referrers/ryan/rewards", String.class).getStatusCode().value()).isEqualTo(200);
        Assertions.assertThat(as("bob").getForEntity("/api/referrers/ryan/rewards", String.class).getStatusCode().value()).isEqualTo(403);
        Assertions.assertThat(as("bob").getForEntity("/api/rewards", String.class).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<String> badStatus = as("jackie").getForEntity("/api/rewards?status=MAYBE", String.class);
        Assertions.assertThat(badStatus.getStatusCode().value()).isEqualTo(400);
        Assertions.assertThat(badStatus.getBody()).contains("\"field\":\"status\"");
        ResponseEntity<String> noReason = as("jackie").postForEntity("/api/rewards/" + only(kiara).getReference() + "/reversal",
                jsonBody(Map.of()), String.class);
        Assertions.assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        Assertions.assertThat(noReason.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        Assertions.assertThat(noReason.getBody()).contains("\"field\":\"reason\"");

        JsonNode byBranch = json.readTree(as("jackie").getForObject("/api/rewards/reports/branch", String.class));
        Assertions.assertThat(byBranch.get("lines").get(0).get("key").asText()).isEqualTo("wealth-management");
        JsonNode byPerson = json.readTree(as("jackie").getForObject("/api/rewards/reports/person", String.class));
        Assertions.assertThat(byPerson.get("lines").get(0).get("key").asText()).isEqualTo("ryan");
        Assertions.assertThat(as("jackie").getForEntity("/api/rewards/reports/planet", String.class).getStatusCode().value()).isEqualTo(400);
    }

    // --- helpers

    private Reward earn(Referral referral, RewardOutcome outcome) {
        return transactions.execute(s -> ledger.earn(data.reload(referral), outcome, "test").orElseThrow());
    }

    @Autowired
    RewardLedger ledger;

    private void accept(Referral referral) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
    }

    /** Accepted, converted: the conversion's reward. */
    private Reward convert(Referral referral) {
        accept(referral);
        transactions.executeWithoutResult(s -> conversion.convert(data.reload(referral), new BigDecimal("1000"), null, null));
        return rewards.findByReferralIdOrderByIdAsc(referral.getId()).stream()
                .filter(r -> r.getOutcome() == RewardOutcome.CONVERTED).findFirst().orElseThrow();
    }

    /** Accepted, converted and its opportunity won by its owner through the API: the win's reward. */
    private Reward win(Referral referral) {
        convert(referral);
        Opportunity opportunity = transactions.execute(s -> conversion.convert(data.reload(referral), null, null, null));
        Referral now = data.reload(referral);
        ResponseEntity<String> closed = as(now.getOwnerId()).postForEntity("/api/opportunities/" + opportunity.getId() + "/close",
                jsonBody(Map.of("outcome", "WON", "closedBy", now.getOwnerId())), String.class);
        Assertions.assertThat(closed.getStatusCode().value()).as(closed.getBody()).isEqualTo(200);
        return rewards.findByReferralIdOrderByIdAsc(referral.getId()).stream()
                .filter(r -> r.getOutcome() == RewardOutcome.OPPORTUNITY_WON).findFirst().orElseThrow();
    }

    private Reward only(Referral referral) {
        List<Reward> all = rewards.findByReferralIdOrderByIdAsc(referral.getId());
        Assertions.assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void assertFinding(Reward reward, GamingCheck check) {
        Assertions.assertThat(jdbc.queryForList("select code from reward_finding where reward_id = ?", String.class, reward.getId()))
                .contains(check.name());
        Assertions.assertThat(rewards.findById(reward.getId()).orElseThrow().getStatus()).isIn(RewardStatus.PENDING_APPROVAL, RewardStatus.HELD);
    }

    private String findings(Reward reward) {
        return as("jackie").getForObject("/api/rewards/" + reward.getReference(), String.class);
    }

    private List<String> ledgerTypes(Reward reward) {
        return jdbc.queryForList("select type from reward_ledger_entry where reward_id = ? order by id", String.class, reward.getId());
    }

    private Task approvalTask(Reward reward) {
        Task task = approvalTaskOrNull(reward);
        Assertions.assertThat(task).as("Approve reward for " + reward.getReference()).isNotNull();
        return task;
    }

    private Task approvalTaskOrNull(Reward reward) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reward.getReference()).singleResult();
    }

    private long runtimeCount() {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("RewardApprovalProcess").count();
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }

    static HttpEntity<Object> jsonBody(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
