package org.relay.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rebuilds the monthly rollups the reports read (one statement each, in one transaction: readers see the old
 * rollup until the new one is committed). Run by processes/report-rollup.bpmn every few minutes; a report over
 * whole months reads the rollup, anything else reads the referral table directly.
 */
@Service
public class ReportRollups {

    private static final Logger log = LoggerFactory.getLogger(ReportRollups.class);
    /** The referrer rollup's queue for "all queues" rows. */
    static final String ALL_QUEUES = "*";
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReportRollups(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public long refresh() {
        long start = System.nanoTime();
        Instant now = clock.instant();
        Timestamp weekAgo = Timestamp.from(now.minus(Duration.ofDays(7)));
        String month = "cast(date_trunc('month', r.created_at at time zone 'UTC') as date)";
        // per referral first (month, hours to accept and to first activity, their buckets), then one aggregate
        String perReferral = "select " + month + " as created_month, r.queue_id, r.expressed_interest, r.source_channel, "
                + "r.record_type, r.kind, r.campaign, r.status, r.interest_amount, r.assigned_at, r.accepted_at, "
                + "r.overdue_at, r.created_at, r.last_activity_at, r.in_progress_at, coalesce(e.n, 0) as escalations, "
                + HourBuckets.bucketOf("h.accept") + " as accept_bucket, "
                + HourBuckets.bucketOf("h.activity") + " as activity_bucket, "
                + "case when h.accept <= 1 or h.activity <= 1 then 1 end as acted "
                + "from referral r join (select id, " + ReportQueries.HOURS_TO_ACCEPT + " as accept, "
                + ReportQueries.HOURS_TO_FIRST_ACTIVITY + " as activity from referral r offset 0) h on h.id = r.id "
                + "left join (select referral_id, count(*) as n from referral_event "
                + "where type in ('ESCALATED', 'IDLE_ESCALATED') group by referral_id) e on e.referral_id = r.id "
                // "offset 0" keeps the planner from inlining these subqueries, which would recompute the hours and
                // buckets once per histogram column (26 times per referral) instead of once
                + "offset 0";
        jdbc.update("delete from referral_monthly_rollup");
        long rows = jdbc.update("insert into referral_monthly_rollup select r.created_month, r.queue_id, "
                + "r.expressed_interest, r.source_channel, r.record_type, r.kind, r.campaign, count(*), "
                + "count(r.assigned_at), count(r.accepted_at), count(" + ReportQueries.CONVERTED + "), "
                + "count(" + ReportQueries.LOST + "), count(" + ReportQueries.OPEN + "), "
                + "coalesce(sum(case when r.status = 'CONVERTED' then r.interest_amount end), 0), count(r.overdue_at), "
                + "sum(r.escalations), count(r.acted), "
                + "count(case when r.created_at < ? then 1 end), "
                + "count(case when r.created_at < ? and r.last_activity_at is null and r.in_progress_at is null "
                + "and r.status <> 'CONVERTED' then 1 end), "
                + HourBuckets.countColumns("r.accept_bucket", "a") + ", "
                + HourBuckets.countColumns("r.activity_bucket", "f")
                + " from (" + perReferral + ") r "
                + "group by r.created_month, r.queue_id, r.expressed_interest, r.source_channel, r.record_type, r.kind, r.campaign",
                weekAgo, weekAgo);
        jdbc.update("delete from referrer_monthly_rollup");
        // per referrer and queue, and per referrer across all queues (queue_id '*'): the leaderboard reads one or the other
        for (String queue : new String[]{"r.queue_id", "'" + ALL_QUEUES + "'"}) {
            jdbc.update("insert into referrer_monthly_rollup select " + month + ", r.referrer_id, max(r.referrer_name), "
                    + queue + ", count(*), count(" + ReportQueries.CONVERTED + "), "
                    + "coalesce(sum(case when r.status = 'CONVERTED' then r.interest_amount end), 0) "
                    + "from referral r where r.referrer_id is not null group by " + month + ", r.referrer_id"
                    + (queue.startsWith("r.") ? ", r.queue_id" : ""));
        }
        jdbc.update("delete from recipient_monthly_rollup");
        jdbc.update("insert into recipient_monthly_rollup select r.created_month, r.owner_id, r.queue_id, r.expressed_interest, "
                + "r.source_channel, r.record_type, count(*), count(r.accepted_at), count(" + ReportQueries.CONVERTED + "), "
                + "count(" + ReportQueries.LOST + "), " + HourBuckets.countColumns("r.accept_bucket", "a") + ", "
                + HourBuckets.countColumns("r.convert_bucket", "c") + " from (select " + month + " as created_month, r.owner_id, "
                + "r.queue_id, r.expressed_interest, r.source_channel, r.record_type, r.status, r.accepted_at, "
                + HourBuckets.bucketOf("h.accept") + " as accept_bucket, " + HourBuckets.bucketOf("h.to_convert")
                + " as convert_bucket from referral r join (select id, " + ReportQueries.HOURS_TO_ACCEPT + " as accept, "
                + ReportQueries.HOURS_TO_CONVERT + " as to_convert from referral r where r.owner_id is not null offset 0) h "
                + "on h.id = r.id offset 0) r group by r.created_month, r.owner_id, r.queue_id, r.expressed_interest, "
                + "r.source_channel, r.record_type");
        if (isPostgres()) {
            // fresh statistics, or the planner guesses the rebuilt tables' sizes from before
            jdbc.execute("analyze referral_monthly_rollup");
            jdbc.execute("analyze referrer_monthly_rollup");
            jdbc.execute("analyze recipient_monthly_rollup");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        jdbc.update("delete from report_rollup_state");
        jdbc.update("insert into report_rollup_state (id, refreshed_at, rows_read, duration_ms) values (1, ?, ?, ?)",
                Timestamp.from(now), rows, ms);
        log.debug("Report rollups rebuilt: {} rows in {} ms", rows, ms);
        return rows;
    }

    private boolean isPostgres() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
    }

    /** When the rollups were last rebuilt; empty before the first run (reports then read the referral table). */
    public Optional<Instant> refreshedAt() {
        return jdbc.query("select refreshed_at from report_rollup_state where id = 1",
                rs -> rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty());
    }
}
