package org.relay.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
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

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every report against a generated history whose answers the test works out itself from the generated rows; the
 * CSV export read back; bad parameters named; the Cockpit plugin and its chart library served.
 */
class ReportsTest extends RelayIntegrationTest {

    static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-10-31T00:00:00Z");
    static final String PERIOD = "from=2025-12-01&to=2026-11-30";

    @Autowired
    SyntheticHistoryWriter writer;
    @Autowired
    ReferrerStandings standings;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ReportRollups rollups;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    interface Check {
        void run() throws Exception;
    }

    /** The same answers from the referral table and, once rebuilt, from the monthly rollups. */
    private void liveAndFromRollup(String path, Check check) throws Exception {
        Assertions.assertThat(get(path).get("basis").asText()).isEqualTo(Report.LIVE);
        check.run();
        rollups.refresh();
        Assertions.assertThat(get(path).get("basis").asText()).startsWith("monthly rollup as of ");
        check.run();
    }

    List<SyntheticReferral> history;

    @BeforeEach
    void history() {
        history = SyntheticReferralHistory.generate(new SyntheticReferralHistory.Settings(3, 600, FROM, TO,
                org.relay.support.SyntheticBank.REFERRERS, Map.of("retail-lending", List.of("bob", "alice", "mike"),
                "cards-and-loans", List.of("carlos", "dana"), "wealth-management", List.of("ryan", "wendy")),
                Duration.ofDays(180)));
        writer.write(history);
        standings.refreshAll();
    }

    @Test
    void the_funnel_counts_each_stage_per_month() throws Exception {
        liveAndFromRollup("/api/reports/funnel?" + PERIOD, this::funnelChecks);
    }

    private void funnelChecks() throws Exception {
        JsonNode report = get("/api/reports/funnel?" + PERIOD);
        Map<String, List<SyntheticReferral>> byMonth = history.stream().collect(Collectors.groupingBy(
                s -> s.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).toString()));
        Assertions.assertThat(report.get("rows")).hasSize(byMonth.size());
        for (JsonNode row : report.get("rows")) {
            List<SyntheticReferral> month = byMonth.get(row.get("period").asText());
            Assertions.assertThat(row.get("created").asLong()).isEqualTo(month.size());
            Assertions.assertThat(row.get("assigned").asLong()).isEqualTo(month.size());
            Assertions.assertThat(row.get("accepted").asLong()).isEqualTo(count(month, s -> s.acceptedAt() != null));
            Assertions.assertThat(row.get("converted").asLong()).isEqualTo(count(month, SyntheticReferral::converted));
            Assertions.assertThat(row.get("closedLost").asLong()).isEqualTo(count(month, s -> !s.converted()));
            Assertions.assertThat(row.get("conversionRate").decimalValue()).isEqualByComparingTo(
                    BigDecimal.valueOf(count(month, SyntheticReferral::converted))
                            .divide(BigDecimal.valueOf(month.size()), 4, java.math.RoundingMode.HALF_UP));
        }
        // filters narrow it: mortgages from walk-ins only
        JsonNode narrow = get("/api/reports/funnel?" + PERIOD + "&product=MORTGAGE&source=WALK_IN");
        long created = 0;
        for (JsonNode row : narrow.get("rows")) {
            created += row.get("created").asLong();
        }
        Assertions.assertThat(created).isEqualTo(count(history, s -> s.product().equals("MORTGAGE") && s.source().equals("WALK_IN")));
        // a line of business is its queues: retail banking = retail lending + cards and loans
        long retail = 0;
        for (JsonNode row : get("/api/reports/funnel?" + PERIOD + "&lineOfBusiness=retail-banking").get("rows")) {
            retail += row.get("created").asLong();
        }
        Assertions.assertThat(retail).isEqualTo(count(history, s -> List.of("retail-lending", "cards-and-loans").contains(s.queue())));
    }

    @Test
    void sources_give_conversion_and_value_per_channel() throws Exception {
        liveAndFromRollup("/api/reports/sources?" + PERIOD + "&by=source", this::sourceChecks);
    }

    private void sourceChecks() throws Exception {
        JsonNode report = get("/api/reports/sources?" + PERIOD + "&by=source");
        Map<String, List<SyntheticReferral>> bySource = history.stream().collect(Collectors.groupingBy(SyntheticReferral::source));
        Assertions.assertThat(report.get("rows")).hasSize(bySource.size());
        for (JsonNode row : report.get("rows")) {
            List<SyntheticReferral> source = bySource.get(row.get("key").asText());
            Assertions.assertThat(row.get("referrals").asLong()).isEqualTo(source.size());
            Assertions.assertThat(row.get("converted").asLong()).isEqualTo(count(source, SyntheticReferral::converted));
            BigDecimal value = source.stream().filter(SyntheticReferral::converted).map(SyntheticReferral::interestAmount)
                    .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            Assertions.assertThat(row.get("convertedValue").decimalValue()).isEqualByComparingTo(value);
        }
    }

    @Test
    void recipients_show_who_converts_and_how_fast() throws Exception {
        recipientChecks(true);
        rollups.refresh();
        recipientChecks(false);
    }

    private void recipientChecks(boolean live) throws Exception {
        JsonNode report = get("/api/reports/recipients?" + PERIOD);
        Assertions.assertThat(report.get("basis").asText()).startsWith(live ? "referral table" : "monthly rollup");
        List<SyntheticReferral> bob = history.stream().filter(s -> "bob".equals(s.owner())).toList();
        JsonNode row = rowWhere(report, "recipient", "bob");
        Assertions.assertThat(row.get("owned").asLong()).isEqualTo(bob.size());
        Assertions.assertThat(row.get("converted").asLong()).isEqualTo(count(bob, SyntheticReferral::converted));
        List<Double> hours = bob.stream().filter(s -> s.acceptedAt() != null)
                .map(s -> Duration.between(s.createdAt(), s.acceptedAt()).toMillis() / 3_600_000.0).toList();
        assertMedian(row.get("medianHoursToAccept").asDouble(), median(hours), live);
    }

    /** Exact from the referral table; from the rollup, inside the hour bucket that holds the exact median. */
    private static void assertMedian(double reported, double exact, boolean live) {
        if (live) {
            Assertions.assertThat(reported).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.006));
            return;
        }
        int bucket = 0;
        while (exact > HourBuckets.UPPER[bucket]) {
            bucket++;
        }
        double lower = bucket == 0 ? 0 : HourBuckets.UPPER[bucket - 1];
        Assertions.assertThat(reported).isBetween(lower - 0.005, HourBuckets.UPPER[bucket] + 0.005);
    }

    @Test
    void referrers_rank_by_referrer_score() throws Exception {
        liveAndFromRollup("/api/reports/referrers?" + PERIOD + "&limit=3", this::referrerChecks);
    }

    private void referrerChecks() throws Exception {
        JsonNode report = get("/api/reports/referrers?" + PERIOD + "&limit=3");
        Assertions.assertThat(report.get("rows")).hasSize(3);
        Assertions.assertThat(report.get("rows").get(0).get("referrerScore").asInt())
                .isGreaterThanOrEqualTo(report.get("rows").get(1).get("referrerScore").asInt());
        String best = report.get("rows").get(0).get("referrerId").asText();
        Assertions.assertThat(report.get("rows").get(0).get("referrals").asLong())
                .isEqualTo(count(history, s -> best.equals(s.referrerId())));
    }

    @Test
    void speed_measures_follow_up() throws Exception {
        speedChecks(true);
        rollups.refresh();
        speedChecks(false);
    }

    private void speedChecks(boolean live) throws Exception {
        JsonNode report = get("/api/reports/speed?" + PERIOD);
        Assertions.assertThat(report.get("basis").asText()).startsWith(live ? "referral table" : "monthly rollup");
        JsonNode row = report.get("rows").get(0);
        Assertions.assertThat(row.get("referrals").asLong()).isEqualTo(history.size());
        Assertions.assertThat(row.get("actedWithinHour").asLong()).isEqualTo(count(history, s -> s.acceptedAt() != null
                && (Duration.between(s.createdAt(), s.acceptedAt()).toMillis() <= 3_600_000
                || Duration.between(s.createdAt(), s.firstActivityAt()).toMillis() <= 3_600_000)));
        Assertions.assertThat(row.get("slaBreaches").asLong()).isEqualTo(count(history, s -> s.acceptedAt() == null
                || Duration.between(s.createdAt(), s.acceptedAt()).compareTo(Duration.ofHours(16)) > 0));
        Assertions.assertThat(row.get("neverFollowedUp").asLong())
                .isEqualTo(count(history, s -> s.firstActivityAt() == null && !s.converted()));
        List<Double> hours = history.stream().filter(s -> s.acceptedAt() != null)
                .map(s -> Duration.between(s.createdAt(), s.acceptedAt()).toMillis() / 3_600_000.0).toList();
        assertMedian(row.get("medianHoursToAccept").asDouble(), median(hours), live);
    }

    @Test
    void a_range_that_cuts_months_answers_from_the_rollups_whole_months_and_the_edge_days_as_the_table_does() throws Exception {
        // months cut at both ends, and a range within one month (no whole month at all)
        for (String range : List.of("from=2025-12-11&to=2026-10-20", "from=2026-03-05&to=2026-03-20")) {
            rangeAnswersAsTheTableDoes(range);
            jdbc.update("delete from report_rollup_state");   // back to the table, as before the first rebuild
        }
    }

    private void rangeAnswersAsTheTableDoes(String range) throws Exception {
        List<String> reports = List.of("funnel?", "sources?by=source&", "sources?by=product&", "sources?by=referrer&", "referrers?",
                "recipients?", "speed?", "funnel?product=MORTGAGE&source=WALK_IN&", "recipients?queue=retail-lending&",
                "referrers?lineOfBusiness=retail-banking&", "speed?queue=wealth-management&");
        Map<String, List<Map<String, String>>> live = new java.util.HashMap<>();
        for (String report : reports) {
            JsonNode answer = get("/api/reports/" + report + range);
            Assertions.assertThat(answer.get("basis").asText()).isEqualTo(Report.LIVE);
            live.put(report, comparable(answer.get("rows")));
        }
        rollups.refresh();
        for (String report : reports) {
            JsonNode answer = get("/api/reports/" + report + range);
            Assertions.assertThat(answer.get("basis").asText()).startsWith("monthly rollup as of ")
                    .endsWith("days at the range's edges from the referral table");
            Assertions.assertThat(comparable(answer.get("rows"))).as(report).isEqualTo(live.get(report));
            if (report.endsWith("?")) {
                // unfiltered, there is always something to compare (narrow filters over a short range may be empty)
                Assertions.assertThat(live.get(report)).as(report).isNotEmpty();
            }
        }
    }

    @Test
    void a_rebuild_redoes_only_the_months_whose_referrals_changed_and_then_answers_as_the_table_does() throws Exception {
        Assertions.assertThat(get("/api/reports").get("rollups").isNull()).as("not built yet").isTrue();
        rollups.refresh();
        Assertions.assertThat(monthsRebuilt()).as("the first rebuild redoes everything").isNull();
        Instant previous = rollups.refreshedAt().orElseThrow();

        // a JDBC writer (as erasure and the bulk loaders are) moves March referrals to another channel and converts
        // an April one; an escalation is recorded for a May referral; a referral is created now
        Assertions.assertThat(jdbc.update("update referral set source_channel = 'PARTNER' where id in (select id from referral "
                + "where created_at >= '2026-03-01' and created_at < '2026-04-01' and source_channel <> 'PARTNER' limit 5)")).isEqualTo(5);
        Assertions.assertThat(jdbc.update("update referral set status = 'CONVERTED', converted_at = created_at + interval '3 days' "
                + "where id = (select min(id) from referral where created_at >= '2026-04-01' and created_at < '2026-05-01' "
                + "and status = 'CLOSED_LOST')")).isEqualTo(1);
        jdbc.update("insert into referral_event (actor, detail, occurred_at, referral_id, type) select 'test', 'late', now(), "
                + "min(id), 'ESCALATED' from referral where created_at >= '2026-05-01' and created_at < '2026-06-01'");
        intake.create(RelayTestData.kiarasMortgage());

        rollups.refresh();
        java.util.Set<java.time.LocalDate> expected = new java.util.TreeSet<>(List.of(java.time.LocalDate.of(2026, 3, 1),
                java.time.LocalDate.of(2026, 4, 1), java.time.LocalDate.of(2026, 5, 1), monthOf(Instant.now())));
        // and the months whose referrals turned a week old since the previous rebuild
        for (java.time.LocalDate m = monthOf(previous.minus(Duration.ofDays(7))); !m.isAfter(monthOf(Instant.now().minus(Duration.ofDays(7))));
             m = m.plusMonths(1)) {
            expected.add(m);
        }
        Assertions.assertThat(monthsRebuilt()).isEqualTo(expected.size());
        JsonNode freshness = get("/api/reports").get("rollups");
        Assertions.assertThat(freshness.get("monthsRebuilt").asInt()).isEqualTo(expected.size());
        Assertions.assertThat(Instant.parse(freshness.get("refreshedAt").asText())).isAfter(previous);
        Assertions.assertThat(freshness.get("durationMs").asLong()).isNotNegative();

        List<String> reports = List.of("funnel?", "sources?by=source&", "sources?by=product&", "sources?by=referrer&",
                "sources?by=referrer&queue=retail-lending&", "referrers?", "recipients?", "speed?", "funnel?source=PARTNER&",
                "recipients?queue=retail-lending&", "speed?queue=wealth-management&");
        Map<String, List<Map<String, String>>> fromRollup = new java.util.HashMap<>();
        for (String report : reports) {
            JsonNode answer = get("/api/reports/" + report + PERIOD);
            Assertions.assertThat(answer.get("basis").asText()).startsWith("monthly rollup as of ");
            fromRollup.put(report, comparable(answer.get("rows")));
        }
        jdbc.update("delete from report_rollup_state");   // the referral table's answers
        for (String report : reports) {
            JsonNode answer = get("/api/reports/" + report + PERIOD);
            Assertions.assertThat(answer.get("basis").asText()).isEqualTo(Report.LIVE);
            Assertions.assertThat(fromRollup.get(report)).as(report).isEqualTo(comparable(answer.get("rows"))).isNotEmpty();
        }
    }

    private Integer monthsRebuilt() {
        return jdbc.queryForObject("select months_rebuilt from report_rollup_state", Integer.class);
    }

    private static java.time.LocalDate monthOf(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }

    /**
     * Rows as text, numbers compared by value; without medians and p90s, which the rollup reads off hour buckets
     * (their accuracy is checked for whole months above).
     */
    private static List<Map<String, String>> comparable(JsonNode rows) {
        List<Map<String, String>> comparable = new java.util.ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, String> fields = new java.util.TreeMap<>();
            row.fields().forEachRemaining(field -> {
                if (!field.getKey().contains("HoursTo")) {
                    fields.put(field.getKey(), field.getValue().isNumber()
                            ? field.getValue().decimalValue().stripTrailingZeros().toPlainString() : field.getValue().asText());
                }
            });
            comparable.add(fields);
        }
        return comparable;
    }

    @Test
    void the_volume_plan_divides_the_target_by_each_channels_close_rate() throws Exception {
        JsonNode report = get("/api/reports/volume-plan?" + PERIOD + "&product=MORTGAGE&target=10");
        for (JsonNode row : report.get("rows")) {
            List<SyntheticReferral> channel = history.stream()
                    .filter(s -> s.product().equals("MORTGAGE") && s.source().equals(row.get("source").asText())).toList();
            long converted = count(channel, SyntheticReferral::converted);
            Assertions.assertThat(row.get("decided").asLong()).isEqualTo(channel.size());
            if (converted > 0) {
                Assertions.assertThat(row.get("leadsNeeded").asLong())
                        .isEqualTo((long) Math.ceil(10.0 * channel.size() / converted));
            }
        }
        Assertions.assertThat(getEntity("/api/reports/volume-plan?" + PERIOD + "&target=10").getBody()).contains("\"product\"");
    }

    @Test
    void step_durations_come_from_the_engines_history_with_links_to_cockpit() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        String today = java.time.LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode review = rowWhere(get("/api/reports/steps?to=" + today), "activityId", "Task_ReviewReferral");
        Assertions.assertThat(review.get("completed").asLong()).isEqualTo(1);
        Assertions.assertThat(review.get("name").asText()).isEqualTo("Review referral");
        Assertions.assertThat(review.get("cockpitLink").asText())
                .contains("/camunda/app/cockpit/default/#/process-definition/").endsWith("/runtime?activityIds=Task_ReviewReferral");
    }

    @Test
    void the_csv_export_reads_back_as_the_json_report() throws Exception {
        JsonNode report = get("/api/reports/sources?" + PERIOD + "&by=referrer");
        ResponseEntity<String> csv = getEntity("/api/reports/sources?" + PERIOD + "&by=referrer&format=csv");
        Assertions.assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        Assertions.assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("relay-sources-by-referrer-2025-12-01-2026-11-30.csv");
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv.getBody()))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            records = parser.getRecords();
        }
        Assertions.assertThat(records).hasSize(report.get("rows").size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode row = report.get("rows").get(i);
            Assertions.assertThat(records.get(i).get("key")).isEqualTo(row.get("key").asText());
            Assertions.assertThat(Long.parseLong(records.get(i).get("converted"))).isEqualTo(row.get("converted").asLong());
            Assertions.assertThat(new BigDecimal(records.get(i).get("convertedValue")))
                    .isEqualByComparingTo(row.get("convertedValue").decimalValue());
        }
    }

    @Test
    void bad_parameters_are_named() {
        Assertions.assertThat(getEntity("/api/reports/funnel?from=2026-13-01&period=year"))
                .satisfies(r -> {
                    Assertions.assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    Assertions.assertThat(r.getBody()).contains("\"from\"");
                });
        Assertions.assertThat(getEntity("/api/reports/funnel?period=year").getBody()).contains("\"period\"");
        Assertions.assertThat(getEntity("/api/reports/sources?by=nope").getBody()).contains("\"by\"");
        Assertions.assertThat(getEntity("/api/reports/referrers?limit=x").getBody()).contains("\"limit\"");
        Assertions.assertThat(getEntity("/api/reports/funnel?queue=';drop table referral;--").getBody()).contains("\"queue\"");
        Assertions.assertThat(getEntity("/api/reports/whatever").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(getEntity("/api/reports/funnel?from=2026-05-01&to=2026-01-01").getBody()).contains("\"from\"");
    }

    @Test
    void the_cockpit_plugin_and_its_chart_library_are_served_and_registered() {
        ResponseEntity<String> plugin = getEntity("/camunda/api/cockpit/plugin/relay-dashboard/static/app/plugin.js");
        Assertions.assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(plugin.getBody()).contains("pluginPoint: 'cockpit.dashboard'").contains("/api/reports/");
        Assertions.assertThat(getEntity("/camunda/app/cockpit/default/").getBody()).contains("relay-dashboard");
        ResponseEntity<String> echarts = getEntity("/webjars/echarts/5.3.1/dist/echarts.min.js");
        Assertions.assertThat(echarts.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(echarts.getBody()).contains("echarts");
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = getEntity(path);
        Assertions.assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> getEntity(String path) {
        return rest.getForEntity(path, String.class);
    }

    private static JsonNode rowWhere(JsonNode report, String key, String value) {
        for (JsonNode row : report.get("rows")) {
            if (value.equals(row.get(key).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + key + " = " + value + " in " + report);
    }

    private static long count(List<SyntheticReferral> rows, Predicate<SyntheticReferral> test) {
        return rows.stream().filter(test).count();
    }

    /** percentile_cont(0.5): the middle value, or the mean of the two middle values. */
    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
