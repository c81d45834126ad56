package org.relay.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relay.analytics.Period;
import org.relay.analytics.ReportFilter;
import org.relay.analytics.ReportQueries;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reports over 1 000 000 decided referrals on the embedded PostgreSQL (mvn -Pbench verify). Loads the rows with
 * one INSERT … SELECT from generate_series (two years, 9 products each with its own queue of 5 recipients, 10 source
 * channels, 4 record types, 500 referrers, uniformly random otherwise), rebuilds the rollups, then times each
 * report: 3 warm-up runs, 15 measured, p50 and worst. Each figure sits next to a baseline measured in the same run:
 * a plain {@code count(*)} over the same rows, which no aggregate can beat. Results: target/benchmarks/reports.md,
 * copied by hand into docs/benchmarks.md with the machine's details.
 */
@Tag("benchmark")
class ReportsBenchmark extends RelayIntegrationTest {

    static final int ROWS = Integer.getInteger("relay.bench.rows", 1_000_000);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportQueries reports;
    @Autowired
    org.relay.analytics.ReportRollups rollups;

    @Test
    void reports_over_a_million_decided_referrals() throws IOException {
        long loadStart = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // before the first rebuild every report reads the referral table; after it, whole months come from the
        // rollups and a range starting mid-month adds its edge days from the table
        String twoYearsStart = today.minusMonths(24).withDayOfMonth(1).toString();
        ReportFilter twoYears = ReportFilter.of(twoYearsStart, today.toString(), null, null, null, null, today);
        ReportFilter twoYearsMidMonth = ReportFilter.of(today.minusYears(2).withDayOfMonth(2).toString(), today.toString(), null, null, null, null, today);
        ReportFilter oneQueueOneYear = ReportFilter.of(today.minusMonths(12).withDayOfMonth(1).toString(), today.toString(), "queue-3", null, null, null, today);
        ReportFilter oneQueueOneYearMidMonth = ReportFilter.of(today.minusMonths(12).withDayOfMonth(2).toString(), today.toString(), "queue-3", null, null, null, today);
        ReportFilter oneMonth = ReportFilter.of(today.minusMonths(1).toString(), today.toString(), null, null, null, null, today);

        Map<String, Supplier<Object>> tableCases = new LinkedHashMap<>();
        tableCases.put("baseline: count(*) over all rows", () -> jdbc.queryForObject("select count(*) from referral", Long.class));
        tableCases.put("funnel by month, 2 years from the 2nd (referral table)", () -> reports.funnel(twoYearsMidMonth, Period.MONTH));
        tableCases.put("top 20 referrers, 2 years from the 2nd (referral table)", () -> reports.referrers(twoYearsMidMonth, 20));
        tableCases.put("speed, medians and p90, 2 years from the 2nd (referral table)", () -> reports.speed(twoYearsMidMonth, Instant.now()));
        tableCases.put("speed, last month (referral table)", () -> reports.speed(oneMonth, Instant.now()));
        tableCases.put("recipients, 1 year from the 2nd, one queue (referral table)", () -> reports.recipients(oneQueueOneYearMidMonth));

        Map<String, Supplier<Object>> rollupCases = new LinkedHashMap<>();
        rollupCases.put("funnel by month, 2 years, all (rollup)", () -> reports.funnel(twoYears, Period.MONTH));
        rollupCases.put("funnel by month, 2 years from the 2nd (rollup + edge days)", () -> reports.funnel(twoYearsMidMonth, Period.MONTH));
        rollupCases.put("funnel by month, 1 year, one queue (rollup)", () -> reports.funnel(oneQueueOneYear, Period.MONTH));
        rollupCases.put("funnel by day, last month (referral table)", () -> reports.funnel(oneMonth, Period.DAY));
        rollupCases.put("top 20 referrers, 2 years (rollup)", () -> reports.referrers(twoYears, 20));
        rollupCases.put("top 20 referrers, 2 years from the 2nd (rollup + edge days)", () -> reports.referrers(twoYearsMidMonth, 20));
        rollupCases.put("sources by channel, 2 years (rollup)", () -> reports.sources(twoYears, "source"));
        rollupCases.put("speed, medians and p90, 2 years (rollup)", () -> reports.speed(twoYears, Instant.now()));
        rollupCases.put("speed, medians and p90, 2 years from the 2nd (rollup + edge days)", () -> reports.speed(twoYearsMidMonth, Instant.now()));
        rollupCases.put("speed, last month (rollup + edge days)", () -> reports.speed(oneMonth, Instant.now()));
        rollupCases.put("recipients, 1 year, one queue (rollup)", () -> reports.recipients(oneQueueOneYear));
        rollupCases.put("recipients, 1 year from the 2nd, one queue (rollup + edge days)", () -> reports.recipients(oneQueueOneYearMidMonth));
        rollupCases.put("recipients, 2 years, all (rollup)", () -> reports.recipients(twoYears));

        if (Boolean.getBoolean("relay.bench.explain")) {
            explain("select m.referrer_id, max(s.score), sum(m.referrals) from referrer_monthly_rollup m "
                    + "left join referrer_standing s on s.referrer_id = m.referrer_id group by m.referrer_id "
                    + "order by max(s.score) desc nulls last, sum(m.converted) desc, m.referrer_id limit 20");
            jdbc.update("delete from report_rollup_state");
        }
        StringBuilder table = new StringBuilder("| report | p50 ms | worst ms | × baseline (p50) |\n| --- | ---: | ---: | ---: |\n");
        double baseline = time(tableCases, table, 0);
        long rebuildStart = System.nanoTime();
        rollups.refresh();
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        time(rollupCases, table, baseline);
        String incremental = incrementalRebuilds();
        String result = "Rows: " + ROWS + " decided referrals, loaded in " + String.format("%.1f", loadSeconds) + " s; "
                + "rollups rebuilt in " + String.format("%.1f", rebuildSeconds) + " s ("
                + jdbc.queryForObject("select count(*) from referral_monthly_rollup", Long.class) + " + "
                + jdbc.queryForObject("select count(*) from referrer_monthly_rollup", Long.class) + " rollup rows); "
                + jdbc.queryForObject("select version()", String.class) + "; "
                + Runtime.getRuntime().availableProcessors() + " cores\n\n" + table + "\n" + incremental;
        System.out.println(result);
        Path out = Path.of("target", "benchmarks", "reports.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
    }

    /**
     * The rebuild every five minutes after the first: only the months whose referrals changed (triggers log them) and
     * those whose referrals turned a week old. Three runs of each case, each after its own changes.
     */
    private String incrementalRebuilds() {
        Map<String, Runnable> changes = new LinkedHashMap<>();
        changes.put("nothing changed", () -> { });
        changes.put("2 000 referrals of the last 90 days changed", () -> jdbc.update("update referral set last_activity_at = now() "
                + "where id in (select id from referral where created_at > now() - interval '90 days' order by random() limit 2000)"));
        changes.put("the same, and 1 referral of a year ago", () -> jdbc.update("update referral set last_activity_at = now() "
                + "where id in (select id from referral where created_at > now() - interval '90 days' order by random() limit 2000) "
                + "or id = (select min(id) from referral where created_at between now() - interval '370 days' and now() - interval '360 days')"));
        changes.put("100 referrals from anywhere in the two years changed", () -> jdbc.update("update referral set last_activity_at = now() "
                + "where id in (select id from referral order by random() limit 100)"));
        StringBuilder table = new StringBuilder("| rebuild after … | months redone | p50 ms | worst ms |\n| --- | ---: | ---: | ---: |\n");
        long fullStart = System.nanoTime();
        jdbc.update("delete from report_rollup_state");
        rollups.refresh();
        table.append(String.format("| (everything: the first rebuild) | all | %.1f | |%n", (System.nanoTime() - fullStart) / 1e6));
        for (Map.Entry<String, Runnable> change : changes.entrySet()) {
            List<Double> runs = new ArrayList<>();
            Integer months = null;
            for (int i = 0; i < 3; i++) {
                change.getValue().run();
                long start = System.nanoTime();
                rollups.refresh();
                runs.add((System.nanoTime() - start) / 1e6);
                months = jdbc.queryForObject("select months_rebuilt from report_rollup_state", Integer.class);
            }
            runs.sort(Double::compare);
            table.append(String.format("| %s | %d | %.1f | %.1f |%n", change.getKey(), months, runs.get(1), runs.get(2)));
        }
        return table.toString();
    }

    /** Times each case into the table; returns the first case's p50 when no baseline is given yet. */
    private double time(Map<String, Supplier<Object>> cases, StringBuilder table, double baseline) {
        for (Map.Entry<String, Supplier<Object>> c : cases.entrySet()) {
            double[] ms = time(c.getValue());
            if (baseline == 0) {
                baseline = ms[0];
            }
            table.append(String.format("| %s | %.1f | %.1f | %.1f |%n", c.getKey(), ms[0], ms[1], ms[0] / baseline));
        }
        return baseline;
    }

    private void explain(String sql) {
        rollups.refresh();
        jdbc.queryForList("explain (analyze, buffers) " + sql).forEach(row -> System.out.println("PLAN " + row.values()));
    }

    private double[] time(Supplier<Object> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            query.get();
            runs.add((System.nanoTime() - start) / 1e6);
        }
        double[] sorted = runs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new double[]{sorted[sorted.length / 2], sorted[sorted.length - 1]};
    }

    private void load() {
        jdbc.execute("select setseed(0.42)");
        jdbc.update("""
                insert into referral (id, reference_number, kind, record_type, status, customer_type, customer_name,
                    expressed_interest, interest_amount, interest_currency, source_channel, referrer_type, referrer_id,
                    referrer_name, owner_id, queue_id, created_at, assigned_at, accepted_at, in_progress_at,
                    last_activity_at, converted_at, closed_at, overdue_at, first_contact_at, first_contact_by,
                    first_contact_within_business_day, version)
                select 900000000 + g, 'B-' || g,
                    case when a < 0.65 then 'REFERRAL' else 'LEAD' end,
                    (array['PERSON_REFERRAL','BUSINESS_REFERRAL','GENERAL','RETIREMENT_PLANNING'])[1 + floor(b * 4)::int],
                    case when c < 0.35 then 'CONVERTED' else 'CLOSED_LOST' end,
                    'PERSON', 'Bench customer ' || g,
                    (array['MORTGAGE','CREDIT_CARD','PERSONAL_LOAN','INVESTMENTS','RETIREMENT_PLANNING','INSURANCE',
                           'HOME_EQUITY','BUSINESS_LENDING','ESTATE_PLANNING'])[1 + floor(d * 9)::int],
                    round((1000 + e * 500000)::numeric, 2), 'USD',
                    (array['COLLEAGUE','ADVOCATE','PARTNER','WALK_IN','WEB_FORM','CAMPAIGN','PURCHASED_LIST',
                           'DIRECT_MAIL','CUSTOMER_SELF_SERVICE','CALL_IN'])[1 + floor(f * 10)::int],
                    'INTERNAL_USER', 'referrer-' || (g % 500), 'Referrer ' || (g % 500),
                    'user-' || (floor(d * 9)::int * 5 + g % 5), 'queue-' || floor(d * 9)::int,
                    created, created + interval '5 minutes',
                    case when c < 0.8 then created + a * interval '20 hours' end,
                    case when c < 0.8 then created + a * interval '20 hours' + interval '2 hours' end,
                    case when c < 0.8 then created + a * interval '20 hours' + interval '2 hours' end,
                    case when c < 0.35 then created + interval '5 days' end,
                    created + interval '9 days',
                    case when a > 0.9 then created + interval '16 hours' end,
                    -- first contact: the first activity; "within a business day" as if 8 working hours were 8 hours
                    case when c < 0.8 then created + a * interval '20 hours' + interval '2 hours' end,
                    case when c < 0.8 then 'user-' || (floor(d * 9)::int * 5 + g % 5) end,
                    case when c < 0.8 then a * 20 + 2 <= 8 end,
                    0
                from (select g, random() a, random() b, random() c, random() d, random() e, random() f,
                             now() - interval '10 days' - g * (interval '2 years' / ?) as created
                      from generate_series(1, ?) g) s
                """, ROWS, ROWS);
        jdbc.update("""
                insert into referrer_standing (referrer_id, referrer_type, referrer_name, referrals_made, decided,
                    converted, weighted_decided, weighted_converted, score, updated_at, version)
                select 'referrer-' || g, 'INTERNAL_USER', 'Referrer ' || g, 2000, 2000, 700, 500, 175,
                       20 + (g * 37) % 60, now(), 0 from generate_series(0, 499) g
                """);
        jdbc.execute("analyze referral");
        jdbc.execute("analyze referrer_standing");
    }
}
