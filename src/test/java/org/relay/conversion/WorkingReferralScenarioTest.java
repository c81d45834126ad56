package org.relay.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relay.activity.ActivityRepository;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** After acceptance: activities, conversion into account/contact/household/opportunity, outcomes, reopening. */
class WorkingReferralScenarioTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    ReferralConversion conversion;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    ActivityRepository activities;

    @Autowired
    CustomerAccountRepository accounts;

    @Autowired
    ContactRepository contacts;

    @Autowired
    HouseholdRepository households;

    @Autowired
    OpportunityRepository opportunities;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void three_activities_then_convert_creates_account_contact_household_and_opportunity_exactly_once() throws Exception {
        Referral referral = accepted(RelayTestData.kiarasMortgage());
        for (String subject : List.of("Intro call", "Sent rate sheet", "Meeting at the branch")) {
            ResponseEntity<String> response = post("/api/referrals/" + referral.getReferenceNumber() + "/activities",
                    Map.of("type", subject.startsWith("Meeting") ? "MEETING" : "CALL", "subject", subject,
                            "recordedBy", "alice", "durationMinutes", 20, "sharedWith", List.of("referrer")));
            Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        Assertions.assertThat(activities.countByReferralId(referral.getId())).isEqualTo(3);
        Assertions.assertThat(reload(referral).getStatus()).isEqualTo(ReferralStatus.IN_PROGRESS);

        taskService.complete(work(referral).getId(), Map.of("workOutcome", "convert", "opportunityAmount", 430000.0,
                "expectedCloseDate", "2027-01-15"));
        runConvertJob(referral);
        // a retried conversion finds what the first one created
        Opportunity again = conversion.convert(reload(referral), new BigDecimal("1"), null, null);

        Assertions.assertThat(accounts.count()).isEqualTo(1);
        Assertions.assertThat(contacts.count()).isEqualTo(1);
        Assertions.assertThat(households.count()).isEqualTo(1);
        Assertions.assertThat(opportunities.count()).isEqualTo(1);
        Opportunity opportunity = opportunities.findByReferralId(referral.getId()).orElseThrow();
        Assertions.assertThat(again.getId()).isEqualTo(opportunity.getId());
        Assertions.assertThat(opportunity.getAmount()).isEqualByComparingTo("430000");
        Assertions.assertThat(opportunity.getExpectedCloseDate()).isEqualTo(LocalDate.of(2027, 1, 15));
        Assertions.assertThat(opportunity.getOwnerId()).isEqualTo("alice");
        Assertions.assertThat(opportunity.getReferrerId()).isEqualTo("ryan");
        CustomerAccount account = accounts.findAll().get(0);
        Assertions.assertThat(account.getHouseholdId()).isNotNull();
        Assertions.assertThat(households.findById(account.getHouseholdId()).orElseThrow().getName()).isEqualTo("Thompson household");
        Assertions.assertThat(reload(referral).getAccountId()).isEqualTo(account.getId());
        Assertions.assertThat(reload(referral).getStatus()).isEqualTo(ReferralStatus.CONVERTED);

        List<?> shared = rest.getForObject("/api/referrals/" + referral.getReferenceNumber() + "/activities?sharedWith=referrer", List.class);
        Assertions.assertThat(shared).hasSize(3);
    }

    @Test
    void converting_an_existing_customer_links_to_their_account_and_household() {
        CustomerAccount known = accounts.save(new CustomerAccount(CustomerType.PERSON, "Kiara Thompson", null, null,
                "C-1001", "Springfield", "Central", java.time.Instant.now()));
        Household household = households.save(new Household("Thompson household", java.time.Instant.now()));
        known.joinHousehold(household.getId());
        accounts.save(known);
        CreateReferralRequest request = RelayTestData.kiarasMortgage();
        CreateReferralRequest.CustomerData c = request.customer();
        Referral referral = accepted(new CreateReferralRequest(request.kind(), request.recordType(),
                new CreateReferralRequest.CustomerData(c.type(), c.name(), null, c.phone(), c.email(), c.city(), c.region(), "C-1001"),
                request.expressedInterest(), request.interestValue(), request.sourceChannel(), request.referrer(), null));

        taskService.complete(work(referral).getId(), Map.of("workOutcome", "convert"));
        runConvertJob(referral);

        Assertions.assertThat(accounts.count()).isEqualTo(1);
        Assertions.assertThat(households.count()).isEqualTo(1);
        Assertions.assertThat(reload(referral).getAccountId()).isEqualTo(known.getId());
        Assertions.assertThat(opportunities.findByReferralId(referral.getId()).orElseThrow().getAccountId()).isEqualTo(known.getId());
    }

    @Test
    void a_business_gets_its_contact_person_and_no_household() {
        CreateReferralRequest request = new CreateReferralRequest(org.relay.referral.ReferralKind.REFERRAL, "BUSINESS_REFERRAL",
                new CreateReferralRequest.CustomerData(CustomerType.BUSINESS, "Brightline Bakery LLC", null, "+1 555 0155",
                        "owner@brightline.example", "Brockway", "North", null, "Dana Brightline"),
                "MORTGAGE", new CreateReferralRequest.InterestValue(new BigDecimal("250000"), "USD"), "COLLEAGUE",
                new CreateReferralRequest.ReferrerData(org.relay.referral.ReferrerType.INTERNAL_USER, "ryan", null), null);
        Referral referral = accepted(request);

        taskService.complete(work(referral).getId(), Map.of("workOutcome", "convert"));
        runConvertJob(referral);

        Assertions.assertThat(households.count()).isZero();
        Assertions.assertThat(contacts.findAll()).singleElement()
                .satisfies(contact -> Assertions.assertThat(contact.getName()).isEqualTo("Dana Brightline"));
    }

    @Test
    void closed_as_lost_then_reopened_then_converted() throws Exception {
        Referral referral = accepted(RelayTestData.kiarasMortgage());
        String firstInstance = referral.getProcessInstanceId();
        taskService.complete(work(referral).getId(), Map.of("workOutcome", "closeLost", "closeReason", "UNREACHABLE",
                "outcomeNote", "No answer in two weeks"));
        Assertions.assertThat(reload(referral).getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);

        Assertions.assertThat(post("/api/referrals/" + referral.getReferenceNumber() + "/reopen",
                Map.of("requestedBy", "bob", "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> reopened = post("/api/referrals/" + referral.getReferenceNumber() + "/reopen",
                Map.of("requestedBy", "alice", "reason", "Kiara called back"));

        Assertions.assertThat(reopened.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(reopened.getBody());
        Assertions.assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
        Assertions.assertThat(body.get("closeReason").isNull()).isTrue();
        Assertions.assertThat(body.get("processInstanceId").asText()).isNotEqualTo(firstInstance);
        Assertions.assertThat(body.get("timeline")).extracting(e -> e.get("type").asText())
                .containsSubsequence("CLOSED_LOST", "REOPENED");
        Referral again = reload(referral);
        Assertions.assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referral.getReferenceNumber()).count()).isEqualTo(2);
        Assertions.assertThat(processEngine.getRuntimeService().getVariable(again.getProcessInstanceId(), "reopenedFrom"))
                .isEqualTo(firstInstance);
        Assertions.assertThat(work(again).getAssignee()).isEqualTo("alice");

        taskService.complete(work(again).getId(), Map.of("workOutcome", "convert"));
        runConvertJob(again);
        Assertions.assertThat(reload(referral).getStatus()).isEqualTo(ReferralStatus.CONVERTED);
        Assertions.assertThat(post("/api/referrals/" + referral.getReferenceNumber() + "/reopen",
                Map.of("requestedBy", "alice", "reason", "again")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void an_activity_restarts_the_no_activity_timer() {
        ClockUtil.setCurrentTime(newYork("2026-12-02T10:00"));
        Referral referral = accepted(RelayTestData.kiarasMortgage());
        Date firstDue = idleTimerDue(referral);
        Assertions.assertThat(firstDue).isEqualTo(newYork("2026-12-04T10:00")); // hot lending: 16 business hours

        ClockUtil.setCurrentTime(newYork("2026-12-03T15:00"));
        Assertions.assertThat(post("/api/referrals/" + referral.getReferenceNumber() + "/activities",
                Map.of("type", "CALL", "subject", "Follow-up call", "recordedBy", "alice")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        Assertions.assertThat(idleTimerDue(referral)).isEqualTo(newYork("2026-12-07T15:00"));
        Assertions.assertThat(work(referral).getAssignee()).isEqualTo("alice");
        Assertions.assertThat(work(referral).getDueDate()).isEqualTo(newYork("2026-12-07T15:00"));
    }

    @Test
    void logging_an_activity_in_the_work_form_keeps_the_referral_with_its_owner() throws Exception {
        Referral referral = accepted(RelayTestData.kiarasMortgage());

        taskService.complete(work(referral).getId(), Map.of("workOutcome", "logActivity", "activityType", "CALL",
                "activitySubject", "Discussed fixed vs variable", "activityDurationMinutes", 25L));

        Task next = work(referral);
        Assertions.assertThat(next.getAssignee()).isEqualTo("alice");
        Assertions.assertThat(activities.findByReferralIdOrderByOccurredAtAscIdAsc(referral.getId()))
                .singleElement().satisfies(a -> {
                    Assertions.assertThat(a.getSubject()).isEqualTo("Discussed fixed vs variable");
                    Assertions.assertThat(a.getDurationMinutes()).isEqualTo(25);
                    Assertions.assertThat(a.getRecordedBy()).isEqualTo("alice");
                });
        Assertions.assertThat(taskService.getVariable(next.getId(), "activitySubject")).isNull();

        JsonNode open = json.readTree(rest.getForObject("/api/users/alice/open-referrals", String.class));
        Assertions.assertThat(open).hasSize(1);
        Assertions.assertThat(open.get(0).get("status").asText()).isEqualTo("IN_PROGRESS");
        Assertions.assertThat(open.get(0).get("daysIdle").asLong()).isZero();
    }

    @Test
    void a_users_open_referrals_come_a_page_at_a_time_by_idle_time_or_priority() throws Exception {
        List<Referral> mine = List.of(accepted(RelayTestData.referral("Ann Quiet", "MORTGAGE", "300000", "ryan")),
                accepted(RelayTestData.referral("Ben Urgent", "MORTGAGE", "300000", "ryan")),
                accepted(RelayTestData.referral("Cy Middle", "MORTGAGE", "300000", "ryan")));
        // Ann idle longest but least urgent, Ben most urgent, Cy in between on both
        int[] priorities = {10, 90, 50};
        int[] idleDays = {9, 1, 4};
        for (int i = 0; i < mine.size(); i++) {
            jdbc.update("update referral set owner_id = 'alice', task_priority = ?, last_activity_at = now() - ? * interval '1 day'"
                    + " where id = ?", priorities[i], idleDays[i], mine.get(i).getId());
        }

        ResponseEntity<String> byPriority = rest.getForEntity("/api/users/alice/open-referrals?sort=priority&size=2", String.class);
        Assertions.assertThat(byPriority.getHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        Assertions.assertThat(json.readTree(byPriority.getBody()).findValuesAsText("customer"))
                .containsExactly("Ben Urgent", "Cy Middle");
        Assertions.assertThat(json.readTree(rest.getForObject("/api/users/alice/open-referrals?sort=priority&size=2&page=1",
                String.class)).findValuesAsText("customer")).containsExactly("Ann Quiet");
        JsonNode byIdleTime = json.readTree(rest.getForObject("/api/users/alice/open-referrals", String.class));
        Assertions.assertThat(byIdleTime.findValuesAsText("customer")).containsExactly("Ann Quiet", "Cy Middle", "Ben Urgent");
        Assertions.assertThat(byIdleTime.get(0).get("daysIdle").asLong()).isEqualTo(9);

        ResponseEntity<String> unknownOrder = rest.getForEntity("/api/users/alice/open-referrals?sort=newest", String.class);
        Assertions.assertThat(unknownOrder.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(unknownOrder.getBody()).contains("\"sort\"");
    }

    @Test
    void a_queues_open_referrals_come_a_page_at_a_time_for_its_members_and_managers() throws Exception {
        List<Referral> queued = List.of(intake.create(RelayTestData.referral("Ann Quiet", "MORTGAGE", "300000", "ryan")),
                accepted(RelayTestData.referral("Ben Urgent", "MORTGAGE", "300000", "ryan")),
                intake.create(RelayTestData.referral("Cy Middle", "MORTGAGE", "300000", "ryan")));
        int[] priorities = {10, 90, 50};
        for (int i = 0; i < queued.size(); i++) {
            jdbc.update("update referral set task_priority = ? where id = ?", priorities[i], queued.get(i).getId());
        }
        Assertions.assertThat(queued).extracting(Referral::getQueueId).containsOnly("retail-lending");

        // bob is a member of the queue: he sees the ones owned by colleagues too, most urgent first
        ResponseEntity<String> byPriority = rest.withBasicAuth("bob", "bob")
                .getForEntity("/api/queues/retail-lending/open-referrals?sort=priority&size=2", String.class);
        Assertions.assertThat(byPriority.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(byPriority.getHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        Assertions.assertThat(json.readTree(byPriority.getBody()).findValuesAsText("customer"))
                .containsExactly("Ben Urgent", "Cy Middle");
        Assertions.assertThat(json.readTree(rest.withBasicAuth("jackie", "jackie").getForObject(
                "/api/queues/retail-lending/open-referrals?sort=priority&page=1&size=2", String.class))
                .findValuesAsText("customer")).containsExactly("Ann Quiet");

        Assertions.assertThat(rest.withBasicAuth("ryan", "ryan").getForEntity("/api/queues/retail-lending/open-referrals",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(rest.getForEntity("/api/queues/no-such-queue/open-referrals", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> unknownOrder = rest.getForEntity("/api/queues/retail-lending/open-referrals?sort=newest", String.class);
        Assertions.assertThat(unknownOrder.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(unknownOrder.getBody()).contains("\"sort\"");
    }

    @Test
    void bad_activities_are_refused_with_the_fields_named() throws Exception {
        Referral referral = accepted(RelayTestData.kiarasMortgage());

        ResponseEntity<String> response = post("/api/referrals/" + referral.getReferenceNumber() + "/activities",
                Map.of("type", "CALL", "subject", " ", "recordedBy", "ghost", "durationMinutes", -5,
                        "sharedWith", List.of("nobody")));

        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(response.getBody()).contains("\"subject\"").contains("\"recordedBy\"")
                .contains("\"durationMinutes\"").contains("\"sharedWith\"");
        Assertions.assertThat(activities.count()).isZero();
    }

    @Test
    void a_won_opportunity_feeds_the_referrers_statistics() throws Exception {
        Referral referral = accepted(RelayTestData.kiarasMortgage());
        Long id = convertedOpportunity(referral);

        ResponseEntity<String> won = post("/api/opportunities/" + id + "/close", Map.of("outcome", "WON", "closedBy", "alice"));
        Assertions.assertThat(won.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(post("/api/opportunities/" + id + "/close", Map.of("outcome", "LOST", "closedBy", "alice"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode stats = json.readTree(rest.getForObject("/api/referrers/ryan/stats", String.class));
        Assertions.assertThat(stats.get("referred").asLong()).isEqualTo(1);
        Assertions.assertThat(stats.get("converted").asLong()).isEqualTo(1);
        Assertions.assertThat(stats.get("won").asLong()).isEqualTo(1);
        Assertions.assertThat(stats.get("valueWon").decimalValue()).isEqualByComparingTo("400000");
    }

    @Test
    void two_people_closing_one_opportunity_at_once_one_closes_it_the_others_are_told() throws Exception {
        Referral referral = accepted(RelayTestData.kiarasMortgage());
        Long id = convertedOpportunity(referral);

        java.util.Map<Integer, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        org.relay.support.Parallel.run(8, 8, i -> answers.merge(post("/api/opportunities/" + id + "/close",
                Map.of("outcome", i % 2 == 0 ? "WON" : "LOST", "closedBy", "alice")).getStatusCode().value(), 1, Integer::sum));

        Assertions.assertThat(answers).containsOnly(Map.entry(200, 1), Map.entry(409, 7));
        Assertions.assertThat(jdbc.queryForObject("select count(*) from referral_event where referral_id = ?"
                + " and type in ('OPPORTUNITY_WON', 'OPPORTUNITY_LOST')", Integer.class, referral.getId())).isEqualTo(1);
    }

    /** Alice converts the accepted referral (a 400 000 opportunity); the opportunity's id. */
    private Long convertedOpportunity(Referral referral) {
        taskService.complete(work(referral).getId(), Map.of("workOutcome", "convert", "opportunityAmount", 400000.0));
        runConvertJob(referral);
        return opportunities.findByReferralId(referral.getId()).orElseThrow().getId();
    }

    private Referral accepted(CreateReferralRequest request) {
        Referral referral = intake.create(request);
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        return reload(referral);
    }

    private Task work(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(reload(referral).getProcessInstanceId())
                .taskDefinitionKey("Task_WorkReferral").singleResult();
    }

    private Date idleTimerDue(Referral referral) {
        return managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .activityId("Timer_NoActivity").singleResult().getDuedate();
    }

    private void runConvertJob(Referral referral) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(reload(referral).getProcessInstanceId())
                .activityId("Task_ConvertToOpportunity").singleResult().getId());
    }

    private Referral reload(Referral referral) {
        return referrals.findById(referral.getId()).orElseThrow();
    }

    private ResponseEntity<String> post(String path, Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static Date newYork(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(ZoneId.of("America/New_York")).toInstant());
    }
}
