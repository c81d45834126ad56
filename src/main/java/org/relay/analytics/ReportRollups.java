package org.relay.analytics;

import org.relay.common.DatabaseVendor;
import org.relay.common.RunLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Keeps the monthly rollups the reports read up to date, redoing only the months that changed since the last
 * rebuild, in one transaction (readers see the old rows until it commits). Run by processes/report-rollup.bpmn every
 * few minutes. A report reads a rollup's whole months and, for a range that starts or ends mid-month, the same rows
 * computed from the referral table for the days at its edges ({@link #source}).
 */
@Service
public class ReportRollups {

    private static final Logger log = LoggerFactory.getLogger(ReportRollups.class);
    /** The referrer rollup's queue for "all queues" rows. */
    static final String ALL_QUEUES = "*";
    static final String REFERRALS = "referral_monthly_rollup";
    static final String REFERRERS = "referrer_monthly_rollup";
    static final String RECIPIENTS = "recipient_monthly_rollup";
    static final String FIRST_CONTACTS = "first_contact_monthly_rollup";
    /** The row condition of a full rebuild. */
    private static final String EVERY_REFERRAL = "1 = 1";
    private static final String MONTH = "cast(date_trunc('month', r.created_at at time zone 'UTC') as date)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final RunLocks runLocks;

    ReportRollups(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Clock clock, RunLocks runLocks) {
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
        this.runLocks = runLocks;
    }

    /**
     * Brings the rollups up to date: on PostgreSQL only the months whose referrals changed since the last rebuild
     * (logged by triggers into report_rollup_change) and the months whose referrals turned a week old meanwhile;
     * everything on the first rebuild, after the clock went back, and on H2 (the embedded demo, no triggers).
     * Returns the referral rollup rows written.
     */
    @Transactional
    public long refresh() {
        runLocks.hold(RunLocks.REPORT_ROLLUPS);
        long start = System.nanoTime();
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>(Map.of("weekAgo", weekAgo(now)));
        boolean postgres = DatabaseVendor.isPostgres(jdbc);
        Optional<List<ReportFilter.Days>> stale = postgres ? staleMonths(now) : Optional.empty();
        long rows = 0;
        for (String condition : stale.map(ranges -> rebuildOnly(ranges, params)).orElseGet(this::rebuildAll)) {
            rows += named.update("insert into " + REFERRALS + " " + referralRows(condition), params);
            named.update("insert into " + REFERRERS + " " + referrerRows(condition), params);
            named.update("insert into " + RECIPIENTS + " " + recipientRows(condition), params);
            named.update("insert into " + FIRST_CONTACTS + " " + firstContactRows(condition), params);
        }
        if (stale.isEmpty() && postgres) {
            // fresh statistics, or the planner guesses the rebuilt tables' sizes from before
            jdbc.execute("analyze " + REFERRALS);
            jdbc.execute("analyze " + REFERRERS);
            jdbc.execute("analyze " + RECIPIENTS);
            jdbc.execute("analyze " + FIRST_CONTACTS);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Integer monthsRebuilt = stale.map(ranges -> ranges.stream()
                .mapToInt(range -> (int) ChronoUnit.MONTHS.between(range.from(), range.until())).sum()).orElse(null);
        jdbc.update("delete from report_rollup_state");
        jdbc.update("insert into report_rollup_state (id, refreshed_at, rows_read, duration_ms, months_rebuilt) "
                + "values (1, ?, ?, ?, ?)", Timestamp.from(now), rows, ms, monthsRebuilt);
        log.debug("Report rollups rebuilt ({} months): {} rows in {} ms", monthsRebuilt == null ? "all" : monthsRebuilt, rows, ms);
        return rows;
    }

    /**
     * The months to redo, as ranges of consecutive months (first day to first day); empty when everything must be
     * rebuilt. Takes the logged changes (deleting
     * them with this transaction: a change committed meanwhile stays logged for the next rebuild).
     */
    private Optional<List<ReportFilter.Days>> staleMonths(Instant now) {
        List<LocalDate> changed = jdbc.queryForList("with taken as (delete from report_rollup_change returning created_month) "
                + "select distinct created_month from taken", LocalDate.class);
        Optional<Instant> previous = refreshedAt();
        if (previous.isEmpty() || previous.get().isAfter(now)) {
            return Optional.empty();
        }
        TreeSet<LocalDate> months = new TreeSet<>(changed);
        // the "open for more than a week" columns move with time: referrals created in (previous - 7 days, now - 7 days]
        LocalDate month = monthOf(previous.get().minus(Duration.ofDays(7)));
        for (LocalDate last = monthOf(now.minus(Duration.ofDays(7))); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        List<ReportFilter.Days> ranges = new ArrayList<>();
        for (LocalDate m : months) {
            ReportFilter.Days open = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (open != null && open.until().equals(m)) {
                ranges.set(ranges.size() - 1, new ReportFilter.Days(open.from(), m.plusMonths(1)));
            } else {
                ranges.add(new ReportFilter.Days(m, m.plusMonths(1)));
            }
        }
        return Optional.of(ranges);
    }

    private List<String> rebuildAll() {
        jdbc.update("delete from " + REFERRALS);
        jdbc.update("delete from " + REFERRERS);
        jdbc.update("delete from " + RECIPIENTS);
        jdbc.update("delete from " + FIRST_CONTACTS);
        return List.of(EVERY_REFERRAL);
    }

    /**
     * Deletes the rollups' rows of those months; returns, per range of consecutive months, the referral condition that
     * computes them again (each a plain range on created_at, which its index serves).
     */
    private List<String> rebuildOnly(List<ReportFilter.Days> ranges, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            params.put("monthFrom" + i, Date.valueOf(ranges.get(i).from()));
            params.put("monthUntil" + i, Date.valueOf(ranges.get(i).until()));
            for (String rollup : List.of(REFERRALS, REFERRERS, RECIPIENTS, FIRST_CONTACTS)) {
                named.update("delete from " + rollup + " where created_month >= :monthFrom" + i
                        + " and created_month < :monthUntil" + i, params);
            }
            conditions.add(createdIn(ranges.get(i), "stale" + i, params));
        }
        return conditions;
    }

    /** The referral condition (alias r) "created within these days", its bounds bound as :{name}From, :{name}Until. */
    private static String createdIn(ReportFilter.Days days, String name, Map<String, Object> params) {
        params.put(name + "From", startOf(days.from()));
        params.put(name + "Until", startOf(days.until()));
        return "r.created_at >= :" + name + "From and r.created_at < :" + name + "Until";
    }

    private static LocalDate monthOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).withDayOfMonth(1);
    }

    /**
     * What a report reads as {@code rollup} (alias it {@code m}) for the filter's range: the rollup itself over whole
     * months; otherwise its whole months plus the same rows computed now from the referral table for the edge days,
     * so a range that cuts months reads the table only for those days (at most two partial months).
     */
    String source(String rollup, ReportFilter filter, Map<String, Object> params) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<ReportFilter.Days> edges = filter.edgeDays(today);
        if (edges.isEmpty()) {
            return rollup;
        }
        StringBuilder inRange = new StringBuilder("(");
        for (int i = 0; i < edges.size(); i++) {
            inRange.append(i == 0 ? "" : " or ").append(createdIn(edges.get(i), "edge" + i, params));
        }
        // the report's own conditions too (queue, product, …): the edge rows need only what the report will read
        String edgeCondition = inRange.append(") and ").append(filter.where(params)).toString();
        String edgeRows = switch (rollup) {
            case REFERRALS -> referralRows(edgeCondition);
            case REFERRERS -> referrerRows(edgeCondition);
            case RECIPIENTS -> recipientRows(edgeCondition);
            case FIRST_CONTACTS -> firstContactRows(edgeCondition);
            default -> throw new IllegalArgumentException("No monthly rollup " + rollup);
        };
        params.put("weekAgo", weekAgo(now));
        // the rollup's rows come first even when there are no whole months: they name the columns
        String wholeMonths = filter.wholeMonths(today).map(whole -> {
            params.put("wholeFrom", Date.valueOf(whole.from()));
            params.put("wholeUntil", Date.valueOf(whole.until()));
            return "created_month >= :wholeFrom and created_month < :wholeUntil";
        }).orElse("1 = 0");
        return "(select * from " + rollup + " where " + wholeMonths + " union all " + edgeRows + ")";
    }

    /** {@link #REFERRALS} rows of the referrals that meet {@code condition} (on alias r); parameter :weekAgo. */
    private static String referralRows(String condition) {
        // per referral first (month, hours to accept and to first activity, their buckets), then one aggregate
        String perReferral = "select " + MONTH + " as created_month, r.queue_id, r.expressed_interest, r.source_channel, "
                + "r.record_type, r.kind, r.campaign, r.status, r.interest_amount, r.assigned_at, r.accepted_at, "
                + "r.overdue_at, r.created_at, r.last_activity_at, r.in_progress_at, coalesce(e.n, 0) as escalations, "
                + HourBuckets.bucketOf("h.accept") + " as accept_bucket, "
                + HourBuckets.bucketOf("h.activity") + " as activity_bucket, "
                + "case when " + ReportBars.actedWithinHour("h.accept", "h.activity") + " then 1 end as acted "
                + "from referral r join (select id, " + ReportQueries.HOURS_TO_ACCEPT + " as accept, "
                + ReportQueries.HOURS_TO_FIRST_ACTIVITY + " as activity from referral r where " + condition
                + " offset 0) h on h.id = r.id "
                + "left join (select referral_id, count(*) as n from referral_event "
                + "where type in " + ReportBars.ESCALATION_TYPES
                + (condition.equals(EVERY_REFERRAL) ? "" : " and referral_id in (select r.id from referral r where " + condition + ")")
                + " group by referral_id) e on e.referral_id = r.id where " + condition + " "
                // the condition on both sides lets either use the index on created_at;
                // "offset 0" keeps the planner from inlining these subqueries, which would recompute the hours and
                // buckets once per histogram column (26 times per referral) instead of once
                + "offset 0";
        return "select r.created_month, r.queue_id, "
                + "r.expressed_interest, r.source_channel, r.record_type, r.kind, r.campaign, count(*), "
                + ReportBars.count(ReportBars.ASSIGNED) + ", " + ReportBars.count(ReportBars.ACCEPTED) + ", "
                + "count(" + ReportQueries.CONVERTED + "), "
                + "count(" + ReportQueries.LOST + "), count(" + ReportQueries.OPEN + "), "
                + "coalesce(sum(case when r.status = 'CONVERTED' then r.interest_amount end), 0), "
                + ReportBars.count(ReportBars.SLA_BREACHED) + ", "
                // escalated referrals, not escalation events: the drill-down lists referrals (ReportBars.ESCALATED)
                + "count(case when r.escalations > 0 then 1 end), count(r.acted), "
                + "count(case when r.created_at < :weekAgo then 1 end), "
                + ReportBars.count(ReportBars.NEVER_FOLLOWED_UP) + ", "
                + HourBuckets.countColumns("r.accept_bucket", "a") + ", "
                + HourBuckets.countColumns("r.activity_bucket", "f")
                + " from (" + perReferral + ") r "
                + "group by r.created_month, r.queue_id, r.expressed_interest, r.source_channel, r.record_type, r.kind, r.campaign";
    }

    /**
     * {@link #REFERRERS} rows: per referrer and queue, and per referrer across all queues (queue {@value #ALL_QUEUES});
     * the leaderboard reads one or the other. Referrals without a referrer are a row too (referrer null): sources by
     * referrer show them, the leaderboard does not.
     */
    private static String referrerRows(String condition) {
        StringBuilder rows = new StringBuilder();
        for (String queue : new String[]{"r.queue_id", "'" + ALL_QUEUES + "'"}) {
            rows.append(rows.isEmpty() ? "" : " union all ").append("select ").append(MONTH).append(", r.referrer_id, ")
                    .append("max(r.referrer_name), ").append(queue).append(", count(*), count(")
                    .append(ReportQueries.CONVERTED).append("), ")
                    .append("coalesce(sum(case when r.status = 'CONVERTED' then r.interest_amount end), 0), count(")
                    .append(ReportQueries.LOST).append(") from referral r where ").append(condition)
                    .append(" group by ").append(MONTH).append(", r.referrer_id")
                    .append(queue.startsWith("r.") ? ", r.queue_id" : "");
        }
        return rows.toString();
    }

    /** {@link #RECIPIENTS} rows, with hour histograms to accept and to convert. */
    private static String recipientRows(String condition) {
        return "select r.created_month, r.owner_id, r.queue_id, r.expressed_interest, "
                + "r.source_channel, r.record_type, count(*), count(r.accepted_at), count(" + ReportQueries.CONVERTED + "), "
                + "count(" + ReportQueries.LOST + "), " + HourBuckets.countColumns("r.accept_bucket", "a") + ", "
                + HourBuckets.countColumns("r.convert_bucket", "c") + " from (select " + MONTH + " as created_month, r.owner_id, "
                + "r.queue_id, r.expressed_interest, r.source_channel, r.record_type, r.status, r.accepted_at, "
                + HourBuckets.bucketOf("h.accept") + " as accept_bucket, " + HourBuckets.bucketOf("h.to_convert")
                + " as convert_bucket from referral r join (select id, " + ReportQueries.HOURS_TO_ACCEPT + " as accept, "
                + ReportQueries.HOURS_TO_CONVERT + " as to_convert from referral r where r.owner_id is not null and "
                + condition + " offset 0) h on h.id = r.id where " + condition + " offset 0) r group by r.created_month, r.owner_id, r.queue_id, "
                + "r.expressed_interest, r.source_channel, r.record_type";
    }

    /**
     * {@link #FIRST_CONTACTS} rows: per recipient (the owner at first contact, else the owner now) and the filter
     * dimensions, the referrals, those contacted, reached within an hour and within a business day, and the hours to
     * first contact as a histogram.
     */
    private static String firstContactRows(String condition) {
        return "select r.created_month, r.recipient_id, r.queue_id, r.expressed_interest, r.source_channel, "
                + "r.record_type, count(*), count(r.first_contact_at), count(r.within_hour), count(r.within_business_day), "
                + HourBuckets.countColumns("r.contact_bucket", "contact_h") + " from (select " + MONTH + " as created_month, "
                + ReportBars.FIRST_CONTACT_RECIPIENT + " as recipient_id, r.queue_id, r.expressed_interest, "
                + "r.source_channel, r.record_type, r.first_contact_at, "
                + "case when " + ReportBars.REACHED_WITHIN_HOUR + " then 1 end as within_hour, "
                + "case when " + ReportBars.REACHED_WITHIN_BUSINESS_DAY + " then 1 end as within_business_day, "
                + HourBuckets.bucketOf("h.contact") + " as contact_bucket from referral r join (select id, "
                + ReportQueries.HOURS_TO_FIRST_CONTACT + " as contact from referral r where " + condition
                + " offset 0) h on h.id = r.id where " + condition + " offset 0) r group by r.created_month, "
                + "r.recipient_id, r.queue_id, r.expressed_interest, r.source_channel, r.record_type";
    }

    private static Timestamp weekAgo(Instant now) {
        return Timestamp.from(now.minus(Duration.ofDays(7)));
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** The last rebuild: when, how many months it redid (null: all of them), how long it took. */
    public record LastRebuild(Instant refreshedAt, Integer monthsRebuilt, long durationMs) {
    }

    /** Empty before the first rebuild (reports then read the referral table). */
    public Optional<LastRebuild> lastRebuild() {
        return jdbc.query("select refreshed_at, months_rebuilt, duration_ms from report_rollup_state where id = 1",
                rs -> rs.next() ? Optional.of(new LastRebuild(rs.getTimestamp(1).toInstant(),
                        rs.getObject(2) == null ? null : rs.getInt(2), rs.getLong(3))) : Optional.empty());
    }

    /** When the rollups were last rebuilt; empty before the first run (reports then read the referral table). */
    public Optional<Instant> refreshedAt() {
        return lastRebuild().map(LastRebuild::refreshedAt);
    }
}
