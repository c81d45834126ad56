package org.relay.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CreateReferralRequest.CustomerData;
import org.relay.referral.CustomerType;
import org.relay.referral.CreateReferralRequest.InterestValue;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.CreateReferralRequest.ReferrerData;
import org.relay.referral.ReferrerType;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The speed report's first contact on four referrals of September 2026, on the default business calendar (New York,
 * Monday to Friday 9–17, US-NY holidays), built through Relay's real intake, reassignment and activity API at set
 * times:
 * <ul>
 * <li>A (colleague, Bob): called after 30 minutes; reassigned to Alice afterwards — still Bob's first contact;</li>
 * <li>B (walk-in, Bob): emailed after 3 hours, the same business day;</li>
 * <li>C (colleague, Alice): created Friday 4 September at 16:00, a note that evening (not contact), a meeting booked
 * on Tuesday 8 September at 10:00 — over the weekend and Labor Day: 90 hours, but two working hours;</li>
 * <li>D (walk-in, Alice): a note and a planned call only: never contacted.</li>
 * </ul>
 * Exact figures from the referral table, the same counts from the rollups (medians within their hour bucket), and
 * the drill-downs list exactly the referrals not reached.
 */
class FirstContactReportTest extends RelayIntegrationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String SEPTEMBER = "from=2026-09-01&to=2026-09-30";

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
    org.relay.activity.ActivityLog activities;
    @Autowired
    org.relay.referral.ReferralRepository referrals;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    String a;
    String b;
    String c;
    String d;

    @BeforeEach
    void fourReferrals() {
        a = create("2026-09-01T10:00", "Ada Quick", "COLLEAGUE", "bob");
        record(a, "2026-09-01T10:30", "CALL", true, "bob");
        at("2026-09-01T11:00");
        reassign(a, "alice");

        b = create("2026-09-02T10:00", "Ben Later", "WALK_IN", "bob");
        record(b, "2026-09-02T13:00", "EMAIL", true, "bob");

        c = create("2026-09-04T16:00", "Cleo Monday", "COLLEAGUE", "alice");
        record(c, "2026-09-04T16:10", "NOTE", true, "alice");
        book(c, "2026-09-08T10:00");

        d = create("2026-09-03T11:00", "Dan Never", "WALK_IN", "alice");
        record(d, "2026-09-03T11:15", "NOTE", true, "alice");
        record(d, "2026-09-03T11:20", "CALL", false, "alice");
        ClockUtil.reset();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void first_contact_exactly_from_the_table_and_the_same_counts_from_the_rollups() throws Exception {
        JsonNode live = get("/api/reports/speed?" + SEPTEMBER);
        Assertions.assertThat(live.get("basis").asText()).isEqualTo(Report.LIVE);
        figures(live, true);
        Assertions.assertThat(live.get("notes").get("firstContact").asText())
                .contains("Referrals not yet contacted count as not reached");

        rollups.refresh();
        JsonNode fromRollup = get("/api/reports/speed?" + SEPTEMBER);
        Assertions.assertThat(fromRollup.get("basis").asText()).startsWith("monthly rollup as of ");
        figures(fromRollup, false);
        Assertions.assertThat(counts(fromRollup.get("breakdowns").get("firstContactBySource")))
                .isEqualTo(counts(live.get("breakdowns").get("firstContactBySource")));
        Assertions.assertThat(counts(fromRollup.get("breakdowns").get("firstContactByRecipient")))
                .isEqualTo(counts(live.get("breakdowns").get("firstContactByRecipient")));

        // a range cutting the month: the whole months from the rollup, the edge days from the table (A is left out)
        JsonNode edges = get("/api/reports/speed?from=2026-09-02&to=2026-09-30");
        Assertions.assertThat(edges.get("basis").asText()).endsWith("days at the range's edges from the referral table");
        JsonNode all = edges.get("rows").get(0);
        Assertions.assertThat(all.get("referrals").asLong()).isEqualTo(3);
        Assertions.assertThat(all.get("reachedWithinHour").asLong()).isZero();
        Assertions.assertThat(all.get("reachedWithinBusinessDay").asLong()).isEqualTo(2);
        Assertions.assertThat(row(edges, "firstContactByRecipient", "recipient", "bob").get("referrals").asLong()).isEqualTo(1);
    }

    private void figures(JsonNode report, boolean exact) {
        JsonNode all = report.get("rows").get(0);
        Assertions.assertThat(all.get("referrals").asLong()).isEqualTo(4);
        Assertions.assertThat(all.get("contacted").asLong()).isEqualTo(3);
        Assertions.assertThat(all.get("reachedWithinHour").asLong()).isEqualTo(1);
        Assertions.assertThat(all.get("reachedWithinHourShare").decimalValue()).isEqualByComparingTo("0.25");
        Assertions.assertThat(all.get("notReachedWithinHour").asLong()).isEqualTo(3);
        Assertions.assertThat(all.get("reachedWithinBusinessDay").asLong()).isEqualTo(3);
        Assertions.assertThat(all.get("reachedWithinBusinessDayShare").decimalValue()).isEqualByComparingTo("0.75");
        Assertions.assertThat(all.get("notReachedWithinBusinessDay").asLong()).isEqualTo(1);
        // hours to first contact: 0.5, 3 and 90 (Friday 16:00 to Tuesday 10:00)
        hours(all, exact ? new double[]{3.0, 72.6} : new double[]{3.0, 81.6});

        JsonNode colleague = row(report, "firstContactBySource", "source", "COLLEAGUE");   // A and C
        expect(colleague, 2, 2, 1, 2);
        hours(colleague, exact ? new double[]{45.25, 81.05} : new double[]{0.5, 86.4});
        JsonNode walkIn = row(report, "firstContactBySource", "source", "WALK_IN");        // B and D
        expect(walkIn, 2, 1, 0, 1);
        hours(walkIn, exact ? new double[]{3.0, 3.0} : new double[]{3.0, 3.8});
        Assertions.assertThat(report.get("breakdowns").get("firstContactBySource")).hasSize(2);

        JsonNode bob = row(report, "firstContactByRecipient", "recipient", "bob");       // A (first contact his) and B
        expect(bob, 2, 2, 1, 2);
        hours(bob, exact ? new double[]{1.75, 2.75} : new double[]{0.5, 3.6});
        JsonNode alice = row(report, "firstContactByRecipient", "recipient", "alice");   // C, and D waiting on her
        expect(alice, 2, 1, 0, 1);
        hours(alice, exact ? new double[]{90.0, 90.0} : new double[]{72.0, 91.2});
        Assertions.assertThat(report.get("breakdowns").get("firstContactByRecipient")).hasSize(2);
    }

    private static void expect(JsonNode row, long referrals, long contacted, long withinHour, long withinBusinessDay) {
        Assertions.assertThat(row.get("referrals").asLong()).as(row.toString()).isEqualTo(referrals);
        Assertions.assertThat(row.get("contacted").asLong()).as(row.toString()).isEqualTo(contacted);
        Assertions.assertThat(row.get("reachedWithinHour").asLong()).as(row.toString()).isEqualTo(withinHour);
        Assertions.assertThat(row.get("notReachedWithinHour").asLong()).as(row.toString()).isEqualTo(referrals - withinHour);
        Assertions.assertThat(row.get("reachedWithinBusinessDay").asLong()).as(row.toString()).isEqualTo(withinBusinessDay);
        Assertions.assertThat(row.get("notReachedWithinBusinessDay").asLong()).as(row.toString())
                .isEqualTo(referrals - withinBusinessDay);
        Assertions.assertThat(row.get("reachedWithinHourShare").decimalValue()).as(row.toString())
                .isEqualByComparingTo(BigDecimal.valueOf(withinHour).divide(BigDecimal.valueOf(referrals), 4, java.math.RoundingMode.HALF_UP));
    }

    /**
     * Median and p90: exact (percentile_cont) from the table; from the rollup, interpolated inside the hour buckets
     * holding the values (HourBuckets: 0.5 h in (0.25, 0.5], 3 h in (2, 4], 90 h in (48, 96]).
     */
    private static void hours(JsonNode row, double[] medianAndP90) {
        Assertions.assertThat(row.get("medianHoursToFirstContact").asDouble()).as("median of " + row)
                .isCloseTo(medianAndP90[0], Offset.offset(0.006));
        Assertions.assertThat(row.get("p90HoursToFirstContact").asDouble()).as("p90 of " + row)
                .isCloseTo(medianAndP90[1], Offset.offset(0.006));
    }

    @Test
    void the_drill_downs_list_exactly_the_referrals_not_reached() throws Exception {
        for (boolean fromRollups : new boolean[]{false, true}) {
            if (fromRollups) {
                rollups.refresh();
            }
            JsonNode speed = get("/api/reports/speed?" + SEPTEMBER);
            Assertions.assertThat(listed("notReachedWithinHour", "")).containsExactlyInAnyOrder(b, c, d);
            Assertions.assertThat(listed("notReachedWithinBusinessDay", "")).containsExactly(d);
            Assertions.assertThat(listed("notReachedWithinHour", "&source=WALK_IN")).containsExactlyInAnyOrder(b, d);
            Assertions.assertThat(listed("notReachedWithinHour", "&recipient=bob")).containsExactly(b);
            Assertions.assertThat(listed("notReachedWithinBusinessDay", "&recipient=alice")).containsExactly(d);
            Assertions.assertThat(listed("notReachedWithinBusinessDay", "&recipient=bob")).isEmpty();
            // each bar's number is its list's length, per recipient too
            for (JsonNode row : speed.get("breakdowns").get("firstContactByRecipient")) {
                Assertions.assertThat(listed("notReachedWithinHour", "&recipient=" + row.get("recipient").asText()))
                        .hasSize(row.get("notReachedWithinHour").asInt());
            }
            Assertions.assertThat(listed("notReachedWithinHour", "")).hasSize(speed.get("rows").get(0).get("notReachedWithinHour").asInt());
        }
        // a recipient narrows only the speed report's lists
        ResponseEntity<String> funnel = getEntity("/api/reports/funnel/referrals?stage=created&recipient=bob");
        Assertions.assertThat(funnel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Assertions.assertThat(json.readTree(funnel.getBody()).get("errors").findValuesAsText("field")).containsExactly("recipient");
    }

    @Test
    void the_csv_export_adds_first_contact_after_the_columns_it_had_and_the_breakdowns_below() throws Exception {
        ResponseEntity<String> csv = getEntity("/api/reports/speed?" + SEPTEMBER + "&format=csv");
        Assertions.assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv.getBody()))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        Assertions.assertThat(header.subList(0, ReportQueries.SPEED_COLUMNS.size())).isEqualTo(ReportQueries.SPEED_COLUMNS);
        Assertions.assertThat(header).endsWith("notReachedWithinBusinessDay", "breakdown", "key");
        Map<String, CSVRecord> byKey = new HashMap<>();
        List<String> breakdowns = new ArrayList<>();
        for (CSVRecord record : records) {
            breakdowns.add(record.get("breakdown"));
            byKey.put(record.get("breakdown") + "/" + record.get("key"), record);
        }
        Assertions.assertThat(breakdowns).containsExactly("all", "firstContactBySource", "firstContactBySource",
                "firstContactByRecipient", "firstContactByRecipient");
        Assertions.assertThat(byKey.get("all/").get("reachedWithinBusinessDayShare")).isEqualTo("0.7500");
        Assertions.assertThat(byKey.get("firstContactBySource/WALK_IN").get("notReachedWithinHour")).isEqualTo("2");
        Assertions.assertThat(byKey.get("firstContactByRecipient/bob").get("reachedWithinHour")).isEqualTo("1");
    }

    private List<String> listed(String measure, String more) throws Exception {
        ResponseEntity<String> answer = getEntity("/api/reports/speed/referrals?measure=" + measure + "&" + SEPTEMBER + more);
        Assertions.assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        List<String> references = json.readTree(answer.getBody()).findValuesAsText("referenceNumber");
        Assertions.assertThat(answer.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(references.size()));
        return references;
    }

    private static JsonNode row(JsonNode report, String breakdown, String key, String value) {
        for (JsonNode row : report.get("breakdowns").get(breakdown)) {
            if (value.equals(row.get(key).asText())) {
                return row;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + report.get("breakdowns").get(breakdown));
    }

    /** The rows without medians and p90s (the rollup reads those off hour buckets). */
    private static List<Map<String, String>> counts(JsonNode rows) {
        List<Map<String, String>> counts = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, String> fields = new java.util.TreeMap<>();
            row.fields().forEachRemaining(field -> {
                if (!field.getKey().contains("HoursTo")) {
                    fields.put(field.getKey(), field.getValue().asText());
                }
            });
            counts.add(fields);
        }
        return counts;
    }

    /** A mortgage referral created at {@code when} (New York time) and handed to {@code owner} by Jackie. */
    private String create(String when, String customer, String channel, String owner) {
        at(when);
        Referral referral = intake.create(new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CustomerData(CustomerType.PERSON, customer, null, "+1 555 0101", "customer@mail.example",
                        "Springfield", "Central", null),
                "MORTGAGE", new InterestValue(new BigDecimal("300000"), "USD"), channel,
                new ReferrerData(ReferrerType.INTERNAL_USER, "ryan", null), "First-contact report"));
        notifyRecipient(referral.getProcessInstanceId());
        if (!owner.equals(referral.getOwnerId())) {
            reassign(referral.getReferenceNumber(), owner);
        }
        return referral.getReferenceNumber();
    }

    private void reassign(String reference, String toUser) {
        ResponseEntity<String> answer = rest.withBasicAuth("jackie", "jackie").postForEntity(
                "/api/referrals/" + reference + "/reassignment",
                Map.of("requestedBy", "jackie", "toUser", toUser, "note", "Test hand-over"), String.class);
        Assertions.assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private void record(String reference, String when, String type, boolean done, String by) {
        at(when);
        ResponseEntity<String> answer = rest.withBasicAuth(by, by).postForEntity(
                "/api/referrals/" + reference + "/activities",
                Map.of("type", type, "subject", type + " with the customer", "done", done, "recordedBy", by), String.class);
        Assertions.assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** The customer books a meeting on their status page (only a booking records MEETING_BOOKED), as Meetings does. */
    private void book(String reference, String when) {
        at(when);
        transactions.executeWithoutResult(status -> activities.recordMeetingBooked(referrals.findByReferenceNumber(reference)
                .orElseThrow(), "Meeting booked", null, ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1)), 30,
                "customer"));
    }

    private static void at(String newYorkTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(newYorkTime).atZone(NEW_YORK).toInstant()));
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> answer = getEntity(path);
        Assertions.assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> getEntity(String path) {
        return rest.withBasicAuth("demo", "demo").getForEntity(path, String.class);
    }
}
