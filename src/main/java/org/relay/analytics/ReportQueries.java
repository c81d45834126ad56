package org.relay.analytics;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reports, each one SQL aggregate over the referral table (and, for step durations, Camunda's own activity
 * history), written to run unchanged on PostgreSQL and on the embedded H2. Aliases are quoted so both databases
 * return them as written.
 */
@Component
public class ReportQueries {

    // the bars' conditions (ReportBars), which the drill-downs list
    static final String CONVERTED = "case when " + ReportBars.CONVERTED + " then 1 end";
    static final String LOST = "case when " + ReportBars.CLOSED_LOST + " then 1 end";
    static final String OPEN = "case when " + ReportBars.OPEN + " then 1 end";
    static final String HOURS_TO_ACCEPT = hoursBetween("r.created_at", "r.accepted_at");
    static final String HOURS_TO_FIRST_ACTIVITY = hoursBetween("r.created_at", "r.in_progress_at");
    static final String HOURS_TO_CONVERT = hoursBetween("r.accepted_at", "r.converted_at");
    static final String HOURS_TO_FIRST_CONTACT = hoursBetween("r.created_at", "r.first_contact_at");

    /** Hours between two timestamps as a double: PostgreSQL's extract(epoch) is numeric, slow to aggregate by the million. */
    static String hoursBetween(String from, String to) {
        return "(cast(extract(epoch from " + to + ") as double precision) - cast(extract(epoch from " + from
                + ") as double precision)) / 3600.0";
    }

    /** The dimensions "where the leads come from" can be broken down by. */
    static final Map<String, String> DIMENSIONS = Map.of(
            "source", "r.source_channel", "product", "r.expressed_interest", "recordType", "r.record_type",
            "queue", "coalesce(r.queue_id, '(none)')", "referrer", "coalesce(r.referrer_id, '(none)')", "kind", "r.kind",
            "campaign", "coalesce(r.campaign, '(none)')");

    /** The same dimensions in the monthly rollups (alias m). */
    static final Map<String, String> ROLLUP_DIMENSIONS = Map.of(
            "source", "m.source_channel", "product", "m.expressed_interest", "recordType", "m.record_type",
            "queue", "coalesce(m.queue_id, '(none)')", "kind", "m.kind", "campaign", "coalesce(m.campaign, '(none)')");

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportRollups rollups;
    private final java.time.Clock clock;
    private final FirstContactFigures firstContact;

    ReportQueries(NamedParameterJdbcTemplate jdbc, ReportRollups rollups, java.time.Clock clock,
                  FirstContactFigures firstContact) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.clock = clock;
        this.firstContact = firstContact;
    }

    /**
     * The rollups' time once they have been rebuilt (they then answer any range: whole months from the rollup, edge
     * days from the referral table, see ReportRollups.source); empty before the first rebuild.
     */
    private Optional<Instant> rollupsBuilt() {
        return rollups.refreshedAt();
    }

    /** Created → assigned → accepted → converted / closed as lost, per month, week or day of creation. */
    public Report funnel(ReportFilter filter, Period period) {
        Map<String, Object> params = new HashMap<>();
        Optional<Instant> rollup = period == Period.MONTH ? rollupsBuilt() : Optional.empty();
        List<Map<String, Object>> rows;
        if (rollup.isPresent()) {
            rows = query("select m.created_month as \"period\", sum(m.created) as \"created\", sum(m.assigned) as \"assigned\", "
                    + "sum(m.accepted) as \"accepted\", sum(m.converted) as \"converted\", "
                    + "sum(m.closed_lost) as \"closedLost\", sum(m.open_now) as \"open\" from "
                    + rollups.source(ReportRollups.REFERRALS, filter, params) + " m where " + filter.rollupWhere(params)
                    + " group by m.created_month order by m.created_month", params);
        } else {
            String bucket = "date_trunc('" + period.sqlUnit() + "', r.created_at at time zone 'UTC')";
            rows = query("select " + bucket + " as \"period\", count(*) as \"created\", "
                    + ReportBars.count(ReportBars.ASSIGNED) + " as \"assigned\", "
                    + ReportBars.count(ReportBars.ACCEPTED) + " as \"accepted\", "
                    + "count(" + CONVERTED + ") as \"converted\", count(" + LOST + ") as \"closedLost\", "
                    + "count(" + OPEN + ") as \"open\" from referral r where " + filter.where(params)
                    + " group by " + bucket + " order by " + bucket, params);
        }
        for (Map<String, Object> row : rows) {
            row.put("period", day(row.get("period")));
            row.put("acceptRate", rate(row.get("accepted"), row.get("assigned")));
            row.put("conversionRate", rate(row.get("converted"), row.get("created")));
            row.put("winRate", rate(row.get("converted"), sum(row.get("converted"), row.get("closedLost"))));
        }
        return new Report("funnel", filter.describe(), basis(rollup, filter), List.of("period", "created", "assigned", "accepted", "converted",
                "closedLost", "open", "acceptRate", "conversionRate", "winRate"), rows);
    }

    /** Conversion and value by source channel (or product, record type, queue, referrer, kind). */
    public Report sources(ReportFilter filter, String by) {
        Map<String, Object> params = new HashMap<>();
        boolean byReferrer = by.equals("referrer");
        Optional<Instant> rollup = !byReferrer || filter.onlyQueue() ? rollupsBuilt() : Optional.empty();
        List<Map<String, Object>> rows;
        if (rollup.isPresent()) {
            boolean referrer = byReferrer;
            String dimension = referrer ? "coalesce(m.referrer_id, '(none)')" : ROLLUP_DIMENSIONS.get(by);
            rows = query("select " + dimension + " as \"key\", sum(m." + (referrer ? "referrals" : "created")
                    + ") as \"referrals\", sum(m.converted) as \"converted\", sum(m.closed_lost) as \"closedLost\", "
                    + "sum(m.converted_value) as \"convertedValue\" from "
                    + rollups.source(referrer ? ReportRollups.REFERRERS : ReportRollups.REFERRALS, filter, params) + " m where "
                    + filter.rollupWhere(params) + (referrer ? allQueues(filter) : "") + " group by " + dimension
                    + " order by sum(m.converted) desc, " + dimension, params);
        } else {
            String dimension = DIMENSIONS.get(by);
            rows = query("select " + dimension + " as \"key\", count(*) as \"referrals\", "
                    + "count(" + CONVERTED + ") as \"converted\", count(" + LOST + ") as \"closedLost\", "
                    + "coalesce(sum(case when r.status = 'CONVERTED' then r.interest_amount end), 0) as \"convertedValue\" "
                    + "from referral r where " + filter.where(params) + " group by " + dimension
                    + " order by count(" + CONVERTED + ") desc, " + dimension, params);
        }
        for (Map<String, Object> row : rows) {
            row.put("conversionRate", rate(row.get("converted"), row.get("referrals")));
            row.put("winRate", row.get("closedLost") == null ? null
                    : rate(row.get("converted"), sum(row.get("converted"), row.get("closedLost"))));
        }
        return new Report("sources-by-" + by, filter.describe(), basis(rollup, filter), List.of("key", "referrals", "converted", "closedLost",
                "conversionRate", "winRate", "convertedValue"), rows);
    }

    /** Who converts: per recipient, what they were given, accepted and converted, how fast, and what is open now. */
    public Report recipients(ReportFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Optional<Instant> rollup = rollupsBuilt();
        List<Map<String, Object>> rows = rollup.isPresent() ? recipientsFromRollup(filter) : query("select r.owner_id as \"recipient\", count(*) as \"owned\", "
                + "count(r.accepted_at) as \"accepted\", count(" + CONVERTED + ") as \"converted\", "
                + "count(" + LOST + ") as \"closedLost\", "
                + "percentile_cont(0.5) within group (order by " + HOURS_TO_ACCEPT + ") as \"medianHoursToAccept\", "
                + "percentile_cont(0.5) within group (order by " + HOURS_TO_CONVERT + ") as \"medianHoursToConvert\" "
                + "from referral r where " + filter.where(params) + " and r.owner_id is not null "
                + "group by r.owner_id order by count(" + CONVERTED + ") desc, r.owner_id", params);
        Map<String, Object> open = new HashMap<>();
        jdbc.query("select owner_id, count(*) from referral where status in ('NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS') "
                + "and owner_id is not null group by owner_id", rs -> {
            open.put(rs.getString(1), rs.getLong(2));
        });
        for (Map<String, Object> row : rows) {
            row.put("conversionRate", rate(row.get("converted"), row.get("owned")));
            row.put("medianHoursToAccept", round(row.get("medianHoursToAccept")));
            row.put("medianHoursToConvert", round(row.get("medianHoursToConvert")));
            row.put("openNow", open.getOrDefault((String) row.get("recipient"), 0L));
        }
        return new Report("recipients", filter.describe(), basis(rollup, filter), List.of("recipient", "owned", "accepted", "converted",
                "closedLost", "conversionRate", "medianHoursToAccept", "medianHoursToConvert", "openNow"), rows);
    }

    /** Per recipient from the recipient rollup; medians read off its hour histograms. */
    private List<Map<String, Object>> recipientsFromRollup(ReportFilter filter) {
        Map<String, Object> params = new HashMap<>();
        List<Map<String, Object>> rows = query("select m.owner_id as \"recipient\", sum(m.owned) as \"owned\", "
                + "sum(m.accepted) as \"accepted\", sum(m.converted) as \"converted\", sum(m.closed_lost) as \"closedLost\", "
                + HourBuckets.sumColumns("accept_h") + ", " + HourBuckets.sumColumns("convert_h")
                + " from " + rollups.source(ReportRollups.RECIPIENTS, filter, params) + " m where " + filter.rollupWhere(params)
                + " group by m.owner_id order by sum(m.converted) desc, m.owner_id", params);
        for (Map<String, Object> row : rows) {
            long[] accept = HourBuckets.takeHistogram(row, "accept_h");
            long[] convert = HourBuckets.takeHistogram(row, "convert_h");
            row.put("medianHoursToAccept", HourBuckets.quantile(accept, 0.5));
            row.put("medianHoursToConvert", HourBuckets.quantile(convert, 0.5));
        }
        return rows;
    }

    /** The referrer leaderboard for the period: referrer score (current), referrals made, converted, value. */
    public Report referrers(ReportFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        Optional<Instant> rollup = filter.onlyQueue() ? rollupsBuilt() : Optional.empty();
        List<Map<String, Object>> rows = rollup.isPresent()
                ? query("select m.referrer_id as \"referrerId\", max(m.referrer_name) as \"name\", "
                + "max(s.score) as \"referrerScore\", sum(m.referrals) as \"referrals\", sum(m.converted) as \"converted\", "
                + "sum(m.converted_value) as \"convertedValue\" from " + rollups.source(ReportRollups.REFERRERS, filter, params)
                + " m left join referrer_standing s on s.referrer_id = m.referrer_id where m.referrer_id is not null and "
                + filter.rollupWhere(params)
                + allQueues(filter) + " group by m.referrer_id order by max(s.score) desc nulls last, sum(m.converted) desc, m.referrer_id "
                + "limit :limit", params)
                : query("select r.referrer_id as \"referrerId\", max(r.referrer_name) as \"name\", "
                + "max(s.score) as \"referrerScore\", count(*) as \"referrals\", count(" + CONVERTED + ") as \"converted\", "
                + "coalesce(sum(case when r.status = 'CONVERTED' then r.interest_amount end), 0) as \"convertedValue\" "
                + "from referral r left join referrer_standing s on s.referrer_id = r.referrer_id where "
                + filter.where(params) + " and r.referrer_id is not null group by r.referrer_id "
                + "order by max(s.score) desc nulls last, count(" + CONVERTED + ") desc, r.referrer_id limit :limit", params);
        int rank = 0;
        for (Map<String, Object> row : rows) {
            row.put("rank", ++rank);
            row.put("conversionRate", rate(row.get("converted"), row.get("referrals")));
        }
        return new Report("referrers", filter.describe(), basis(rollup, filter), List.of("rank", "referrerId", "name", "referrerScore",
                "referrals", "converted", "conversionRate", "convertedValue"), rows);
    }

    /**
     * Speed of follow-up: hours from creation to acceptance and to the first recorded activity (median, p90), the
     * share acted on (accepted or worked) within an hour, the share never followed up (no activity and not converted,
     * among referrals at least a week old), SLA breaches (flagged overdue) and escalations to a manager; first contact
     * (median, p90, reached within an hour and within a business day) for all, per source channel and per recipient
     * ({@link FirstContactFigures}).
     */
    public Report speed(ReportFilter filter, Instant now) {
        Optional<Instant> rollup = rollupsBuilt();
        if (rollup.isPresent()) {
            return speedFromRollup(filter, rollup.get());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("weekAgo", Timestamp.from(now.minusSeconds(7 * 86_400)));
        String where = filter.where(params);
        List<Map<String, Object>> rows = query("select count(*) as \"referrals\", "
                + "percentile_cont(0.5) within group (order by " + HOURS_TO_ACCEPT + ") as \"medianHoursToAccept\", "
                + "percentile_cont(0.9) within group (order by " + HOURS_TO_ACCEPT + ") as \"p90HoursToAccept\", "
                + "percentile_cont(0.5) within group (order by " + HOURS_TO_FIRST_ACTIVITY + ") as \"medianHoursToFirstActivity\", "
                + "percentile_cont(0.9) within group (order by " + HOURS_TO_FIRST_ACTIVITY + ") as \"p90HoursToFirstActivity\", "
                + ReportBars.count(ReportBars.ACTED_WITHIN_HOUR) + " as \"actedWithinHour\", "
                + "count(case when r.created_at < :weekAgo then 1 end) as \"weekOld\", "
                + ReportBars.count(ReportBars.NEVER_FOLLOWED_UP) + " as \"neverFollowedUp\", "
                + ReportBars.count(ReportBars.SLA_BREACHED) + " as \"slaBreaches\", "
                + ReportBars.count(ReportBars.ESCALATED) + " as \"escalations\" from referral r where " + where, params);
        Map<String, Object> row = rows.get(0);
        row.put("actedWithinHourShare", rate(row.get("actedWithinHour"), row.get("referrals")));
        row.put("neverFollowedUpShare", rate(row.get("neverFollowedUp"), row.remove("weekOld")));
        for (String key : List.of("medianHoursToAccept", "p90HoursToAccept", "medianHoursToFirstActivity", "p90HoursToFirstActivity")) {
            row.put(key, round(row.get(key)));
        }
        return speedReport(filter, Report.LIVE, row, firstContact.live(filter));
    }

    static final List<String> SPEED_COLUMNS = List.of("referrals", "medianHoursToAccept", "p90HoursToAccept",
                "medianHoursToFirstActivity", "p90HoursToFirstActivity", "actedWithinHour", "actedWithinHourShare",
                "neverFollowedUp", "neverFollowedUpShare", "slaBreaches", "escalations");

    /** The speed report's breakdowns of first contact, by name. */
    static final String BY_SOURCE = "firstContactBySource";
    static final String BY_RECIPIENT = "firstContactByRecipient";

    /** The one row of speed with first contact added after the columns it always had, and its breakdowns. */
    private static Report speedReport(ReportFilter filter, String basis, Map<String, Object> row,
                                      FirstContactFigures.Figures firstContact) {
        FirstContactFigures.COLUMNS.forEach(column -> row.put(column, firstContact.all().get(column)));
        List<String> columns = new ArrayList<>(SPEED_COLUMNS);
        columns.addAll(FirstContactFigures.COLUMNS);
        Map<String, List<Map<String, Object>>> breakdowns = new LinkedHashMap<>();
        breakdowns.put(BY_SOURCE, renamedKey(firstContact.bySource(), "source"));
        breakdowns.put(BY_RECIPIENT, renamedKey(firstContact.byRecipient(), "recipient"));
        return new Report("speed", filter.describe(), basis, columns, new ArrayList<>(List.of(row)), breakdowns,
                Map.of("firstContact", FirstContactFigures.DEFINITION));
    }

    private static List<Map<String, Object>> renamedKey(List<Map<String, Object>> rows, String key) {
        List<Map<String, Object>> renamed = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            copy.put(key, row.get("key"));
            row.forEach((name, value) -> {
                if (!name.equals("key")) {
                    copy.put(name, value);
                }
            });
            renamed.add(copy);
        }
        return renamed;
    }

    /** The same figures from the rollup; medians and p90 interpolated in the hour buckets (see HourBuckets). */
    private Report speedFromRollup(ReportFilter filter, Instant asOf) {
        Map<String, Object> params = new HashMap<>();
        Map<String, Object> sums = jdbc.queryForMap("select coalesce(sum(m.created), 0) as \"referrals\", "
                + "coalesce(sum(m.acted_within_hour), 0) as \"actedWithinHour\", coalesce(sum(m.week_old), 0) as \"weekOld\", "
                + "coalesce(sum(m.never_followed_up), 0) as \"neverFollowedUp\", coalesce(sum(m.overdue), 0) as \"slaBreaches\", "
                + "coalesce(sum(m.escalations), 0) as \"escalations\", " + HourBuckets.sumColumns("accept_h") + ", "
                + HourBuckets.sumColumns("activity_h") + " from " + rollups.source(ReportRollups.REFERRALS, filter, params)
                + " m where " + filter.rollupWhere(params), params);
        long[] accept = HourBuckets.takeHistogram(sums, "accept_h");
        long[] activity = HourBuckets.takeHistogram(sums, "activity_h");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("referrals", ((Number) sums.get("referrals")).longValue());
        row.put("medianHoursToAccept", HourBuckets.quantile(accept, 0.5));
        row.put("p90HoursToAccept", HourBuckets.quantile(accept, 0.9));
        row.put("medianHoursToFirstActivity", HourBuckets.quantile(activity, 0.5));
        row.put("p90HoursToFirstActivity", HourBuckets.quantile(activity, 0.9));
        row.put("actedWithinHour", ((Number) sums.get("actedWithinHour")).longValue());
        row.put("actedWithinHourShare", rate(sums.get("actedWithinHour"), sums.get("referrals")));
        row.put("neverFollowedUp", ((Number) sums.get("neverFollowedUp")).longValue());
        row.put("neverFollowedUpShare", rate(sums.get("neverFollowedUp"), sums.get("weekOld")));
        row.put("slaBreaches", ((Number) sums.get("slaBreaches")).longValue());
        row.put("escalations", ((Number) sums.get("escalations")).longValue());
        return speedReport(filter, basis(Optional.of(asOf), filter), row, firstContact.fromRollup(filter));
    }

    /**
     * Bottlenecks: how long each step of the lifecycle took (median, p90 of elapsed clock time), read from Camunda's
     * activity history. One row per step as people know it, by name: two activities of one name (the referrer score
     * is updated on the conversion path and on the loss path) and every version of the lifecycle make one row;
     * {@code activityIds} names the activities behind it ({@code idsByName}: from the lifecycle's model). In seconds
     * too: automatic steps take milliseconds, which hours or minutes round to 0.
     */
    public Report steps(ReportFilter filter, String cockpitDefinitionLink, Map<String, List<String>> idsByName) {
        Map<String, Object> params = new HashMap<>();
        String name = "coalesce(a.act_name_, a.act_id_)";
        String seconds = "a.duration_ / 1000.0";
        List<Map<String, Object>> rows = query("select " + name + " as \"name\", min(a.act_id_) as \"activityId\", "
                + "max(a.act_type_) as \"type\", count(*) as \"completed\", "
                + "percentile_cont(0.5) within group (order by " + seconds + ") as \"medianSeconds\", "
                + "percentile_cont(0.9) within group (order by " + seconds + ") as \"p90Seconds\" "
                + "from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_ "
                + "join referral r on r.reference_number = p.business_key_ "
                + "where a.proc_def_key_ = 'ReferralLifecycleProcess' and a.end_time_ is not null "
                + "and a.act_type_ in ('userTask', 'serviceTask', 'businessRuleTask') and " + filter.where(params)
                + " group by " + name + " order by percentile_cont(0.9) within group (order by " + seconds + ") desc, "
                + name, params);
        for (Map<String, Object> row : rows) {
            List<String> ids = idsByName.getOrDefault((String) row.get("name"), List.of((String) row.get("activityId")));
            row.put("activityId", String.join(",", ids));
            row.put("person", "userTask".equals(row.get("type")));
            Object median = row.get("medianSeconds");
            Object p90 = row.get("p90Seconds");
            row.put("medianSeconds", scaled(median, 1, 3));
            row.put("p90Seconds", scaled(p90, 1, 3));
            row.put("medianHours", scaled(median, 3600, 2));
            row.put("p90Hours", scaled(p90, 3600, 2));
            row.put("cockpitLink", cockpitDefinitionLink == null ? null
                    : cockpitDefinitionLink + "?activityIds=" + String.join(",", ids));
        }
        return new Report("steps", filter.describe(), Report.LIVE, List.of("name", "activityId", "type", "person", "completed",
                "medianSeconds", "p90Seconds", "medianHours", "p90Hours", "cockpitLink"), rows);
    }

    /**
     * Volume planning: to win {@code target} new customers for a product, how many leads each channel needs at its
     * measured lead-to-close rate (converted over decided referrals of that product in the period).
     */
    public Report volumePlan(ReportFilter filter, int target) {
        Map<String, Object> params = new HashMap<>();
        List<Map<String, Object>> rows = query("select r.source_channel as \"source\", count(*) as \"referrals\", "
                + "count(" + CONVERTED + ") as \"converted\", count(" + LOST + ") as \"closedLost\" "
                + "from referral r where " + filter.where(params) + " group by r.source_channel "
                + "order by r.source_channel", params);
        List<Map<String, Object>> plan = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long converted = ((Number) row.get("converted")).longValue();
            long decided = converted + ((Number) row.get("closedLost")).longValue();
            row.put("decided", decided);
            BigDecimal closeRate = rate(converted, decided);
            row.put("leadToCloseRate", closeRate);
            row.put("target", target);
            row.put("leadsNeeded", converted == 0 ? null
                    : (long) Math.ceil(target * (double) decided / converted));
            plan.add(row);
        }
        plan.sort((a, b) -> {
            Long x = (Long) a.get("leadsNeeded");
            Long y = (Long) b.get("leadsNeeded");
            return x == null ? (y == null ? 0 : 1) : y == null ? -1 : Long.compare(x, y);
        });
        return new Report("volume-plan", filter.describe(), Report.LIVE, List.of("source", "referrals", "decided", "converted",
                "leadToCloseRate", "target", "leadsNeeded"), plan);
    }

    /**
     * Without a queue, line-of-business or reader's scope the referrer rollup's all-queues rows answer; else the
     * queues' rows.
     */
    private static String allQueues(ReportFilter filter) {
        return filter.allQueues() ? " and m.queue_id = '" + ReportRollups.ALL_QUEUES + "'" : "";
    }

    private String basis(Optional<Instant> rollup, ReportFilter filter) {
        boolean edges = !filter.edgeDays(java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).isEmpty();
        return rollup.map(asOf -> Report.rollup(asOf) + (edges ? "; days at the range's edges from the referral table" : ""))
                .orElse(Report.LIVE);
    }

    private List<Map<String, Object>> query(String sql, Map<String, Object> params) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(sql, params)) {
            Map<String, Object> normalised = new LinkedHashMap<>();
            row.forEach((key, value) -> normalised.put(key, normalise(value)));
            rows.add(normalised);
        }
        return rows;
    }

    /** One number type per kind across databases: whole counts as Long, amounts as BigDecimal. */
    private static Object normalise(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        return value;
    }

    static BigDecimal rate(Object part, Object whole) {
        long w = whole == null ? 0 : ((Number) whole).longValue();
        if (w == 0) {
            return null;
        }
        return BigDecimal.valueOf(((Number) part).longValue()).divide(BigDecimal.valueOf(w), 4, RoundingMode.HALF_UP);
    }

    private static long sum(Object a, Object b) {
        return ((Number) a).longValue() + ((Number) b).longValue();
    }

    private static BigDecimal round(Object hours) {
        return hours == null ? null : BigDecimal.valueOf(((Number) hours).doubleValue()).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code seconds} divided by {@code per} (1: seconds, 3600: hours), to {@code scale} decimals. */
    private static BigDecimal scaled(Object seconds, int per, int scale) {
        return seconds == null ? null
                : BigDecimal.valueOf(((Number) seconds).doubleValue() / per).setScale(scale, RoundingMode.HALF_UP);
    }

    private static String day(Object bucket) {
        if (bucket instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        if (bucket instanceof OffsetDateTime o) {
            return o.toLocalDate().toString();
        }
        if (bucket instanceof java.time.LocalDateTime l) {
            return l.toLocalDate().toString();
        }
        return String.valueOf(bucket).substring(0, 10);
    }
}
