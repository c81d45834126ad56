package org.relay.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.activity.ActivityRepository;
import org.relay.analytics.ReportRollups;
import org.relay.conversion.OpportunityRepository;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.referral.ReferralTimeline;
import org.relay.routing.Recipient;
import org.relay.routing.RecipientRepository;
import org.relay.queue.RoutingQueue;
import org.relay.queue.RoutingQueueRepository;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/**
 * Issue #24, "actions belong to those who own them": acting on a referral (merge, keep both, activities, opportunity
 * outcomes, reopen) is for its owner — its queue's members while it has none —, a manager of its queue and
 * administrators; whoever else sees it (its referrer) gets 403 and nothing changes; a referrer never decides an
 * outcome of their own referral; a manager of one queue reads and acts on that queue only (lists, reports).
 */
class ActionRightsTest extends RelayIntegrationTest {

    /** Mona manages cards and loans only, through a group made for these tests. */
    private static final String MONA = "mona";
    private static final String MONA_PASSWORD = "Cards-Manager-42!";
    private static final String CARDS_MANAGERS = "cards-managers";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReferralIntake intake;
    @Autowired
    ReferralRepository referrals;
    @Autowired
    ReferralTimeline timeline;
    @Autowired
    ActivityRepository activities;
    @Autowired
    OpportunityRepository opportunities;
    @Autowired
    RecipientRepository recipients;
    @Autowired
    RoutingQueueRepository queues;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ReportRollups rollups;
    @Autowired
    JdbcTemplate jdbc;

    /** Bob and Mike are away, so every retail lending referral goes to Alice (the REF-000006 and -07). */
    @BeforeEach
    void retailLendingGoesToAlice() {
        for (String away : List.of("bob", "mike")) {
            Recipient recipient = new Recipient(away);
            recipient.update(null, true, true);
            recipients.save(recipient);
        }
    }

    @Test
    void finding_2_a_referrer_cannot_merge_keep_or_record_on_a_referral_someone_else_owns() throws Exception {
        Referral first = accepted(RelayTestData.kiarasMortgage());
        Referral second = accepted(RelayTestData.kiarasMortgage());
        Assertions.assertThat(List.of(first.getOwnerId(), second.getOwnerId())).containsOnly("alice");
        String ref = first.getReferenceNumber();

        ResponseEntity<String> merge = post("ryan", "/api/referrals/" + ref + "/merge",
                Map.of("into", second.getReferenceNumber(), "requestedBy", "ryan"));
        assertForbidden(merge, "ryan may not act on referral " + ref, "only its owner (alice)");
        assertForbidden(post("ryan", "/api/referrals/" + ref + "/keep-both", Map.of("requestedBy", "ryan")),
                "only its owner (alice)");
        assertForbidden(post("ryan", "/api/referrals/" + ref + "/activities",
                Map.of("type", "CALL", "subject", "Called Kiara", "recordedBy", "ryan")), "only its owner (alice)");
        // a colleague of the owner's queue sees it but does not act on what Alice owns
        assertForbidden(post("bob", "/api/referrals/" + ref + "/keep-both", Map.of("requestedBy", "bob")),
                "only its owner (alice)");
        // someone who may not see it still finds nothing there
        Assertions.assertThat(post("carlos", "/api/referrals/" + ref + "/merge",
                Map.of("into", second.getReferenceNumber(), "requestedBy", "carlos")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // nothing changed: still open with its lifecycle, no activity, no merge or keep-both recorded
        Referral unchanged = reload(first);
        Assertions.assertThat(unchanged.getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
        Assertions.assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(unchanged.getProcessInstanceId()).count()).isEqualTo(1);
        Assertions.assertThat(activities.countByReferralId(first.getId())).isZero();
        Assertions.assertThat(timeline.of(first)).extracting(e -> e.getType())
                .doesNotContain(ReferralEventType.MERGED, ReferralEventType.DUPLICATE_KEPT, ReferralEventType.ACTIVITY);

        // the owner, the queue's manager and an administrator may
        Assertions.assertThat(post("alice", "/api/referrals/" + ref + "/activities",
                Map.of("type", "CALL", "subject", "Called Kiara", "recordedBy", "alice")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Assertions.assertThat(post("jackie", "/api/referrals/" + ref + "/keep-both", Map.of("requestedBy", "jackie"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(post("demo", "/api/referrals/" + ref + "/merge",
                Map.of("into", second.getReferenceNumber(), "requestedBy", "demo")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Assertions.assertThat(reload(first).getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);
        // an administrator acting in someone's name acts with that person's rights
        assertForbidden(post("demo", "/api/referrals/" + second.getReferenceNumber() + "/keep-both",
                Map.of("requestedBy", "ryan")), "ryan may not act on referral " + second.getReferenceNumber());
    }

    @Test
    void while_nobody_owns_it_the_members_of_its_queue_may_act() {
        Referral waiting = intake.create(RelayTestData.kiarasMortgage());
        // waiting in the queue for someone to take it
        jdbc.update("update referral set owner_id = null where id = ?", waiting.getId());
        String ref = waiting.getReferenceNumber();

        Assertions.assertThat(post("bob", "/api/referrals/" + ref + "/keep-both", Map.of("requestedBy", "bob"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertForbidden(post("ryan", "/api/referrals/" + ref + "/keep-both", Map.of("requestedBy", "ryan")),
                "only a member of queue retail-lending");
    }

    @Test
    void finding_3_a_referrer_cannot_mark_the_owners_opportunity_won() throws Exception {
        Referral referral = accepted(RelayTestData.kiarasMortgage());
        long opportunity = converted(referral);

        assertForbidden(post("ryan", "/api/opportunities/" + opportunity + "/close",
                Map.of("outcome", "WON", "closedBy", "ryan")), "ryan may not act on referral " + referral.getReferenceNumber());
        Assertions.assertThat(post("carlos", "/api/opportunities/" + opportunity + "/close",
                Map.of("outcome", "WON", "closedBy", "carlos")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode stats = json.readTree(rest.getForObject("/api/referrers/ryan/stats", String.class));
        Assertions.assertThat(stats.get("won").asLong()).isZero();
        Assertions.assertThat(stats.get("valueWon").decimalValue()).isEqualByComparingTo("0");
        Assertions.assertThat(opportunities.findById(opportunity).orElseThrow().getStatus().name()).isEqualTo("OPEN");

        Assertions.assertThat(post("alice", "/api/opportunities/" + opportunity + "/close",
                Map.of("outcome", "WON", "closedBy", "alice")).getStatusCode()).isEqualTo(HttpStatus.OK);
        stats = json.readTree(rest.getForObject("/api/referrers/ryan/stats", String.class));
        Assertions.assertThat(stats.get("won").asLong()).isEqualTo(1);
        Assertions.assertThat(stats.get("valueWon").decimalValue()).isEqualByComparingTo("300000");
    }

    @Test
    void a_referrer_who_owns_their_own_referral_still_does_not_decide_its_outcome() {
        // Alice refers her own client and, Bob and Mike away, is given the referral herself
        Referral own = accepted(RelayTestData.referral("Omar Own", "MORTGAGE", "250000", "alice"));
        Assertions.assertThat(own.getOwnerId()).isEqualTo("alice");
        long opportunity = converted(own);

        assertForbidden(post("alice", "/api/opportunities/" + opportunity + "/close",
                Map.of("outcome", "WON", "closedBy", "alice")), "alice referred " + own.getReferenceNumber());
        assertForbidden(post("demo", "/api/opportunities/" + opportunity + "/close",
                Map.of("outcome", "WON", "closedBy", "alice")), "alice referred " + own.getReferenceNumber());
        Assertions.assertThat(post("jackie", "/api/opportunities/" + opportunity + "/close",
                Map.of("outcome", "WON", "closedBy", "jackie")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_referrer_reads_only_the_activities_shared_with_them() throws Exception {
        Referral referral = accepted(RelayTestData.kiarasMortgage());
        String path = "/api/referrals/" + referral.getReferenceNumber() + "/activities";
        record(path, "Told Ryan it went well", List.of("referrer"));
        record(path, "Internal: pricing exception", List.of());
        record(path, "For Ryan by name", List.of("ryan"));
        record(path, "For Wendy only", List.of("wendy"));

        Assertions.assertThat(subjects("ryan", path))
                .containsExactly("Told Ryan it went well", "For Ryan by name");
        Assertions.assertThat(subjects("alice", path)).hasSize(4);
        Assertions.assertThat(subjects("bob", path)).as("a member of the queue").hasSize(4);
        Assertions.assertThat(subjects("jackie", path)).hasSize(4);
    }

    @Test
    void finding_4_a_manager_of_another_queue_gets_403_or_only_their_queues() throws Exception {
        Referral retail = accepted(RelayTestData.kiarasMortgage());
        Referral cards = accepted(RelayTestData.referral("Carla Card", "CREDIT_CARD", "5000", "ryan"));
        Assertions.assertThat(cards.getQueueId()).isEqualTo("cards-and-loans");
        String cardsOwner = cards.getOwnerId();
        // the cards recipient also owns a retail lending referral (say, handed to them by name)
        Referral handed = intake.create(RelayTestData.referral("Hal Handed", "MORTGAGE", "200000", "ryan"));
        jdbc.update("update referral set owner_id = ? where id = ?", cardsOwner, handed.getId());

        RoutingQueue cardsQueue = queues.findById("cards-and-loans").orElseThrow();
        String managerBefore = cardsQueue.getManagerGroupId();
        createMona();
        try {
            cardsQueue.escalatesTo(CARDS_MANAGERS);
            queues.save(cardsQueue);
            awaitManagerRole();

            // another queue's referral: not there for her; her own queue's: she acts on it
            Assertions.assertThat(mona().getForEntity("/api/referrals/" + retail.getReferenceNumber(), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            Assertions.assertThat(post(mona(), "/api/referrals/" + retail.getReferenceNumber() + "/sla-replan",
                    Map.of("requestedBy", MONA)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            Assertions.assertThat(post(mona(), "/api/referrals/" + cards.getReferenceNumber() + "/activities",
                    Map.of("type", "NOTE", "subject", "Checked the limit", "recordedBy", MONA)).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
            // Jackie no longer manages cards and loans: seeing is not acting
            Assertions.assertThat(post("jackie", "/api/referrals/" + cards.getReferenceNumber() + "/keep-both",
                    Map.of("requestedBy", "jackie")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

            // open-referral lists: not for a user outside her queues; for her queue's member only her queue's part
            assertForbidden(mona().getForEntity("/api/users/alice/open-referrals", String.class), "alice");
            ResponseEntity<String> ownersList = mona().getForEntity("/api/users/" + cardsOwner + "/open-referrals",
                    String.class);
            Assertions.assertThat(ownersList.getStatusCode()).isEqualTo(HttpStatus.OK);
            Assertions.assertThat(json.readTree(ownersList.getBody()).findValuesAsText("referenceNumber"))
                    .containsExactly(cards.getReferenceNumber());
            Assertions.assertThat(ownersList.getHeaders().getFirst("X-Total-Count")).isEqualTo("1");
            Assertions.assertThat(json.readTree(rest.getForObject("/api/users/" + cardsOwner + "/open-referrals",
                    String.class)).findValuesAsText("referenceNumber"))
                    .as("an administrator sees all of it").containsExactlyInAnyOrder(cards.getReferenceNumber(),
                            handed.getReferenceNumber());
            Assertions.assertThat(mona().getForEntity("/api/queues/retail-lending/open-referrals", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            Assertions.assertThat(mona().getForEntity("/api/queues/cards-and-loans/open-referrals", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            Assertions.assertThat(mona().exchange("/api/recipients/alice", HttpMethod.PUT,
                    jsonBody(Map.of("capacity", 1)), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            // reports: her queues only, from the referral table and from the rollups alike; others' named is 403
            for (boolean fromRollups : new boolean[]{false, true}) {
                if (fromRollups) {
                    rollups.refresh();
                }
                JsonNode byQueue = json.readTree(mona().getForObject("/api/reports/sources?by=queue", String.class));
                Assertions.assertThat(byQueue.get("rows").findValuesAsText("key")).as("rollups: " + fromRollups)
                        .containsExactly("cards-and-loans");
                JsonNode leaderboard = json.readTree(mona().getForObject("/api/reports/referrers", String.class));
                Assertions.assertThat(leaderboard.get("rows")).singleElement().satisfies(row ->
                        Assertions.assertThat(row.get("referrals").asLong()).as("ryan's in her queue").isEqualTo(1));
                JsonNode everyQueue = json.readTree(rest.getForObject("/api/reports/sources?by=queue", String.class));
                Assertions.assertThat(everyQueue.get("rows").findValuesAsText("key"))
                        .containsExactlyInAnyOrder("cards-and-loans", "retail-lending");
            }
            ResponseEntity<String> otherQueue = mona().getForEntity("/api/reports/funnel?queue=retail-lending", String.class);
            assertForbidden(otherQueue, "does not manage queue retail-lending");
            Assertions.assertThat(json.readTree(otherQueue.getBody()).get("errors").findValuesAsText("field"))
                    .containsExactly("queue");
            ResponseEntity<String> line = mona().getForEntity("/api/reports/funnel?lineOfBusiness=retail-banking", String.class);
            assertForbidden(line, "retail-lending");
            Assertions.assertThat(json.readTree(line.getBody()).get("errors").findValuesAsText("field"))
                    .containsExactly("lineOfBusiness");
            Assertions.assertThat(mona().getForEntity("/api/reports/funnel?queue=cards-and-loans", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            cardsQueue.escalatesTo(managerBefore);
            queues.save(cardsQueue);
            identityService.deleteMembership(MONA, CARDS_MANAGERS);
            identityService.deleteUser(MONA);
            identityService.deleteGroup(CARDS_MANAGERS);
        }
    }

    private void createMona() {
        var mona = identityService.newUser(MONA);
        mona.setFirstName("Mona");
        mona.setLastName("Lindgren");
        mona.setPassword(MONA_PASSWORD);
        identityService.saveUser(mona);
        var group = identityService.newGroup(CARDS_MANAGERS);
        group.setName("Cards Managers");
        identityService.saveGroup(group);
        identityService.createMembership(MONA, CARDS_MANAGERS);
    }

    /** Which groups manage a queue is remembered with sign-ins for relay.security.credentials-cache (2 s here). */
    private void awaitManagerRole() throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (mona().getForEntity("/api/reports", String.class).getStatusCode() != HttpStatus.OK) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("mona never became a manager");
            }
            Thread.sleep(200);
        }
    }

    private TestRestTemplate mona() {
        return rest.withBasicAuth(MONA, MONA_PASSWORD);
    }

    private void record(String path, String subject, List<String> sharedWith) {
        Assertions.assertThat(post("alice", path, Map.of("type", "CALL", "subject", subject, "recordedBy", "alice",
                "sharedWith", sharedWith)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private List<String> subjects(String user, String path) throws Exception {
        ResponseEntity<String> listed = rest.withBasicAuth(user, user).getForEntity(path, String.class);
        Assertions.assertThat(listed.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return json.readTree(listed.getBody()).findValuesAsText("subject");
    }

    private void assertForbidden(ResponseEntity<String> response, String... saying) {
        Assertions.assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        Assertions.assertThat(response.getBody()).contains(saying);
    }

    /** Created by Ryan's request, accepted by its recipient in the Review form. */
    private Referral accepted(org.relay.referral.CreateReferralRequest request) {
        Referral referral = intake.create(request);
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        return reload(referral);
    }

    /** The owner converts it into a 300 000 opportunity; the opportunity's id. */
    private long converted(Referral referral) {
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                        .taskDefinitionKey("Task_WorkReferral").singleResult().getId(),
                Map.of("workOutcome", "convert", "opportunityAmount", 300000.0));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .activityId("Task_ConvertToOpportunity").singleResult().getId());
        return opportunities.findByReferralId(referral.getId()).orElseThrow().getId();
    }

    private Referral reload(Referral referral) {
        return referrals.findById(referral.getId()).orElseThrow();
    }

    private ResponseEntity<String> post(String user, String path, Map<String, ?> body) {
        return post(rest.withBasicAuth(user, user), path, body);
    }

    private static ResponseEntity<String> post(TestRestTemplate as, String path, Map<String, ?> body) {
        return as.exchange(path, HttpMethod.POST, jsonBody(body), String.class);
    }

    private static HttpEntity<Object> jsonBody(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
