package org.relay.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.queue.RoutingQueue;
import org.relay.queue.RoutingQueueRepository;
import org.relay.scoring.ReferrerStandings;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.relay.synthetic.SyntheticHistoryWriter;
import org.relay.synthetic.SyntheticReferral;
import org.relay.synthetic.SyntheticReferralHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's drill-downs: for every bar of the funnel, the speed chart and the referrer leaderboard, the list
 * behind it has exactly as many referrals as the bar counts — from the referral table and from the monthly rollups,
 * converted, lost, escalated, overdue and open referrals alike —, under the report's filters and the reader's scope.
 */
class ReportDrillDownTest extends RelayIntegrationTest {

    private static final String CARDS_MANAGER = "mara";
    private static final String CARDS_MANAGERS = "cards-desk-managers";

    @Autowired
    SyntheticHistoryWriter writer;
    @Autowired
    ReferrerStandings standings;
    @Autowired
    ReferralIntake intake;
    @Autowired
    ReportRollups rollups;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RoutingQueueRepository queues;

    List<SyntheticReferral> history;
    List<Referral> open;

    /**
     * 80 decided referrals of the last two months (some accepted within the hour, some after the SLA, some never,
     * converted or lost), three open ones made now, and escalations: one referral escalated twice, two once.
     */
    @BeforeEach
    void referralsInEveryState() {
        Instant now = Instant.now();
        history = SyntheticReferralHistory.generate(new SyntheticReferralHistory.Settings(11, 80,
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(9)), org.relay.support.SyntheticBank.REFERRERS,
                Map.of("retail-lending", List.of("bob", "alice", "mike"), "cards-and-loans", List.of("carlos", "dana"),
                        "wealth-management", List.of("ryan", "wendy")), Duration.ofDays(180)));
        writer.write(history);
        standings.refreshAll();
        open = List.of(intake.create(RelayTestData.kiarasMortgage()),
                intake.create(RelayTestData.referral("Carla Card", "CREDIT_CARD", "5000", "ryan")),
                intake.create(RelayTestData.referral("Hal Handed", "MORTGAGE", "200000", "ryan")));
        List<Long> decided = jdbc.queryForList("select id from referral where status = 'CONVERTED' order by id", Long.class);
        escalate(decided.get(0), "ESCALATED");
        escalate(decided.get(0), "IDLE_ESCALATED");
        escalate(decided.get(1), "ESCALATED");
        escalate(open.get(0).getId(), "ESCALATED");
    }

    private void escalate(long referralId, String type) {
        jdbc.update("insert into referral_event (referral_id, type, actor, occurred_at) values (?, ?, 'system', ?)",
                referralId, type, java.sql.Timestamp.from(Instant.now()));
    }

    @Test
    void every_bar_lists_exactly_the_referrals_it_counts_from_the_table_and_from_the_rollups() throws Exception {
        for (boolean fromRollups : new boolean[]{false, true}) {
            if (fromRollups) {
                rollups.refresh();
            } else {
                jdbc.update("delete from report_rollup_state");   // the referral table's answers
            }
            String as = fromRollups ? "from the rollups" : "from the referral table";
            Assertions.assertThat(get("/api/reports/funnel").get("basis").asText()).as(as)
                    .startsWith(fromRollups ? "monthly rollup" : "referral table");
            barsEqualTheirLists("", as);
        }
        // what the bars hold here, worked out from the rows written: every state is there
        JsonNode funnel = funnelTotals(get("/api/reports/funnel"));
        Assertions.assertThat(funnel.get("created").asLong()).isEqualTo(history.size() + open.size());
        Assertions.assertThat(funnel.get("converted").asLong()).isEqualTo(history.stream().filter(SyntheticReferral::converted).count()).isPositive();
        Assertions.assertThat(funnel.get("closedLost").asLong()).isEqualTo(history.stream().filter(s -> !s.converted()).count()).isPositive();
        Assertions.assertThat(funnel.get("open").asLong()).isEqualTo(open.size());
        JsonNode speed = get("/api/reports/speed").get("rows").get(0);
        Assertions.assertThat(speed.get("escalations").asLong()).as("escalated referrals, not events").isEqualTo(3);
        Assertions.assertThat(speed.get("slaBreaches").asLong()).isPositive();
        Assertions.assertThat(speed.get("neverFollowedUp").asLong()).isPositive();
        Assertions.assertThat(speed.get("actedWithinHour").asLong()).isPositive();

        // the converted list: finished referrals, newest first, one page at a time
        ResponseEntity<String> first = getEntity("/api/reports/funnel/referrals?stage=converted&size=5");
        ResponseEntity<String> second = getEntity("/api/reports/funnel/referrals?stage=converted&size=5&page=1");
        List<String> firstPage = json.readTree(first.getBody()).findValuesAsText("referenceNumber");
        List<String> secondPage = json.readTree(second.getBody()).findValuesAsText("referenceNumber");
        Assertions.assertThat(firstPage).hasSize(5).doesNotContainAnyElementsOf(secondPage);
        Assertions.assertThat(json.readTree(first.getBody()).findValuesAsText("status")).containsOnly("CONVERTED");
        List<Instant> created = new ArrayList<>();
        json.readTree(first.getBody()).forEach(row -> created.add(Instant.parse(row.get("stages").get("created").asText())));
        Assertions.assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void the_lists_follow_the_reports_filters() throws Exception {
        rollups.refresh();
        String filter = "&queue=retail-lending&product=MORTGAGE&from=" + java.time.LocalDate.now().minusDays(40);
        barsEqualTheirLists(filter, "retail lending mortgages of the last 40 days");
        JsonNode rows = json.readTree(getEntity("/api/reports/funnel/referrals?stage=created&size=200" + filter).getBody());
        Assertions.assertThat(rows.findValuesAsText("queue")).isNotEmpty().containsOnly("retail-lending");
        Assertions.assertThat(rows.findValuesAsText("expressedInterest")).containsOnly("MORTGAGE");
        long expected = history.stream().filter(s -> s.queue().equals("retail-lending") && s.product().equals("MORTGAGE")
                && s.createdAt().isAfter(java.time.LocalDate.now().minusDays(40).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
                .count() + 2;   // Kiara's and Hal's mortgages, made today
        Assertions.assertThat(rows).hasSize((int) expected);
    }

    @Test
    void a_manager_of_one_queue_lists_only_that_queue_a_recipient_nothing() throws Exception {
        RoutingQueue cards = queues.findById("cards-and-loans").orElseThrow();
        String managersBefore = cards.getManagerGroupId();
        var mara = identityService.newUser(CARDS_MANAGER);
        mara.setFirstName("Mara");
        mara.setLastName("Holm");
        mara.setPassword(CARDS_MANAGER);
        identityService.saveUser(mara);
        var group = identityService.newGroup(CARDS_MANAGERS);
        group.setName("Cards desk managers");
        identityService.saveGroup(group);
        identityService.createMembership(CARDS_MANAGER, CARDS_MANAGERS);
        try {
            cards.escalatesTo(CARDS_MANAGERS);
            queues.save(cards);
            long until = System.currentTimeMillis() + 10_000;   // groups are remembered with sign-ins for 2 s here
            while (mara().getForEntity("/api/reports", String.class).getStatusCode() != HttpStatus.OK) {
                Assertions.assertThat(System.currentTimeMillis()).as("mara becomes a manager").isLessThan(until);
                Thread.sleep(200);
            }
            for (boolean fromRollups : new boolean[]{false, true}) {
                if (fromRollups) {
                    rollups.refresh();
                } else {
                    jdbc.update("delete from report_rollup_state");
                }
                long cardsReferrals = history.stream().filter(s -> s.queue().equals("cards-and-loans")).count() + 1;
                JsonNode hers = funnelTotals(json.readTree(mara().getForObject("/api/reports/funnel", String.class)));
                Assertions.assertThat(hers.get("created").asLong()).isEqualTo(cardsReferrals);
                ResponseEntity<String> list = mara().getForEntity("/api/reports/funnel/referrals?stage=created&size=200", String.class);
                Assertions.assertThat(list.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(cardsReferrals));
                Assertions.assertThat(json.readTree(list.getBody()).findValuesAsText("queue")).containsOnly("cards-and-loans");
                JsonNode leaderboard = json.readTree(mara().getForObject("/api/reports/referrers", String.class));
                for (JsonNode row : leaderboard.get("rows")) {
                    Assertions.assertThat(mara().getForEntity("/api/reports/referrers/referrals?referrer="
                            + row.get("referrerId").asText(), String.class).getHeaders().getFirst("X-Total-Count"))
                            .isEqualTo(row.get("referrals").asText());
                }
                JsonNode speed = json.readTree(mara().getForObject("/api/reports/speed", String.class)).get("rows").get(0);
                Assertions.assertThat(mara().getForEntity("/api/reports/speed/referrals?measure=slaBreaches", String.class)
                        .getHeaders().getFirst("X-Total-Count")).isEqualTo(speed.get("slaBreaches").asText());
            }
            // another queue named: 403 naming it, as the report answers
            ResponseEntity<String> other = mara().getForEntity(
                    "/api/reports/funnel/referrals?stage=created&queue=retail-lending", String.class);
            Assertions.assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            Assertions.assertThat(json.readTree(other.getBody()).get("errors").findValuesAsText("field")).containsExactly("queue");
            // a recipient reads no reports and no lists behind them; the administrator reads every queue's
            Assertions.assertThat(rest.withBasicAuth("bob", "bob").getForEntity(
                    "/api/reports/funnel/referrals?stage=created", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            Assertions.assertThat(getEntity("/api/reports/funnel/referrals?stage=created").getHeaders().getFirst("X-Total-Count"))
                    .isEqualTo(String.valueOf(history.size() + open.size()));
        } finally {
            cards.escalatesTo(managersBefore);
            queues.save(cards);
            identityService.deleteMembership(CARDS_MANAGER, CARDS_MANAGERS);
            identityService.deleteUser(CARDS_MANAGER);
            identityService.deleteGroup(CARDS_MANAGERS);
        }
    }

    @Test
    void an_unknown_bar_is_named() throws Exception {
        assertBadField("/api/reports/funnel/referrals?stage=won", "stage", "converted");
        assertBadField("/api/reports/funnel/referrals", "stage", "is required");
        assertBadField("/api/reports/speed/referrals?measure=p90HoursToAccept", "measure", "slaBreaches");
        assertBadField("/api/reports/referrers/referrals", "referrer", "name the referrer");
        assertBadField("/api/reports/sources/referrals?stage=created", "report", "funnel, speed, referrers");
        assertBadField("/api/reports/funnel/referrals?stage=created&size=0", "size", "1 to 200");
        assertBadField("/api/reports/funnel/referrals?stage=created&from=yesterday", "from", "date");
    }

    /** Each bar of the three charts (with these filters) against its list's X-Total-Count. */
    private void barsEqualTheirLists(String filter, String as) throws Exception {
        JsonNode funnel = funnelTotals(get("/api/reports/funnel?x=1" + filter));
        for (String stage : ReportBars.FUNNEL.keySet()) {
            Assertions.assertThat(total("/api/reports/funnel/referrals?stage=" + stage + filter))
                    .as(as + ": funnel " + stage).isEqualTo(funnel.get(stage).asLong());
        }
        JsonNode speed = get("/api/reports/speed?x=1" + filter).get("rows").get(0);
        for (String measure : ReportBars.SPEED.keySet()) {
            Assertions.assertThat(total("/api/reports/speed/referrals?measure=" + measure + filter))
                    .as(as + ": speed " + measure).isEqualTo(speed.get(measure).asLong());
        }
        JsonNode referrers = get("/api/reports/referrers?limit=10" + filter).get("rows");
        Assertions.assertThat(referrers).as(as).isNotEmpty();
        for (JsonNode row : referrers) {
            Assertions.assertThat(total("/api/reports/referrers/referrals?referrer=" + row.get("referrerId").asText() + filter))
                    .as(as + ": referrer " + row.get("referrerId").asText()).isEqualTo(row.get("referrals").asLong());
        }
    }

    /** The funnel's stages summed over its periods, as the dashboard draws them. */
    private JsonNode funnelTotals(JsonNode report) {
        var totals = json.createObjectNode();
        for (String stage : ReportBars.FUNNEL.keySet()) {
            long sum = 0;
            for (JsonNode row : report.get("rows")) {
                sum += row.get(stage).asLong();
            }
            totals.put(stage, sum);
        }
        return totals;
    }

    private long total(String path) {
        ResponseEntity<String> answer = getEntity(path);
        Assertions.assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return Long.parseLong(answer.getHeaders().getFirst("X-Total-Count"));
    }

    private void assertBadField(String path, String field, String message) throws Exception {
        ResponseEntity<String> answer = getEntity(path);
        Assertions.assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode errors = json.readTree(answer.getBody()).get("errors");
        Assertions.assertThat(errors.findValuesAsText("field")).as(path).containsExactly(field);
        Assertions.assertThat(errors.findValuesAsText("message").get(0)).as(path).contains(message);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> answer = getEntity(path);
        Assertions.assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> getEntity(String path) {
        return rest.withBasicAuth("demo", "demo").getForEntity(path, String.class);
    }

    private TestRestTemplate mara() {
        return rest.withBasicAuth(CARDS_MANAGER, CARDS_MANAGER);
    }
}
