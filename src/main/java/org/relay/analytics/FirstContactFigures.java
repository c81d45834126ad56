package org.relay.analytics;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The speed report's first contact (activity.FirstContacts) over the referrals created in the range: hours from
 * creation to first contact (median, p90) and the share reached within one hour and within one business day, for all
 * of them, per source channel and per recipient (the owner at first contact; for a referral not yet contacted, its
 * owner now). A referral not yet contacted counts as not reached. From the referral table exactly, or from
 * first_contact_monthly_rollup with medians read off its hour buckets; the counts are the same either way.
 */
@Component
class FirstContactFigures {

    /** What each row holds (after its key), in the order the CSV gives them. */
    static final List<String> COLUMNS = List.of("contacted", "medianHoursToFirstContact", "p90HoursToFirstContact",
            "reachedWithinHour", "reachedWithinHourShare", "notReachedWithinHour", "reachedWithinBusinessDay",
            "reachedWithinBusinessDayShare", "notReachedWithinBusinessDay");

    /** What the figures mean, said once for the report's readers (the JSON's notes; the dashboard says the same). */
    static final String DEFINITION = "First contact: the first call, email or meeting recorded as done on the referral,"
            + " or a meeting booked (notes and planned activities are not contact), timed when it was recorded; per"
            + " recipient, the owner at first contact. Reached within one business day: on the referral's business"
            + " calendar. Referrals not yet contacted count as not reached.";

    /** All referrals, then per source channel and per recipient (most referrals first). */
    record Figures(Map<String, Object> all, List<Map<String, Object>> bySource, List<Map<String, Object>> byRecipient) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportRollups rollups;

    FirstContactFigures(NamedParameterJdbcTemplate jdbc, ReportRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** Exact, from the referral table. */
    Figures live(ReportFilter filter) {
        return new Figures(live(filter, null).get(0), live(filter, "r.source_channel"),
                live(filter, ReportBars.FIRST_CONTACT_RECIPIENT));
    }

    private List<Map<String, Object>> live(ReportFilter filter, String dimension) {
        Map<String, Object> params = new HashMap<>();
        String hours = ReportQueries.HOURS_TO_FIRST_CONTACT;
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query("select " + (dimension == null ? "null" : dimension) + " as \"key\", count(*) as \"referrals\", "
                + "count(r.first_contact_at) as \"contacted\", "
                + "percentile_cont(0.5) within group (order by " + hours + ") as \"median\", "
                + "percentile_cont(0.9) within group (order by " + hours + ") as \"p90\", "
                + ReportBars.count(ReportBars.REACHED_WITHIN_HOUR) + " as \"hour\", "
                + ReportBars.count(ReportBars.REACHED_WITHIN_BUSINESS_DAY) + " as \"day\" from referral r where "
                + filter.where(params) + (dimension == null ? "" : " group by " + dimension), params, rs -> {
            rows.add(row(rs.getString("key"), rs.getLong("referrals"), rs.getLong("contacted"), rs.getLong("hour"),
                    rs.getLong("day"), hours(rs.getObject("median")), hours(rs.getObject("p90"))));
        });
        if (dimension != null) {
            rows.sort(MOST_REFERRALS_FIRST);
        }
        return rows;
    }

    /** From the rollup (and the range's edge days from the table): one query by channel and recipient, summed here. */
    Figures fromRollup(ReportFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Tally all = new Tally();
        Map<String, Tally> bySource = new TreeMap<>();
        Map<String, Tally> byRecipient = new HashMap<>();
        for (Map<String, Object> sums : jdbc.queryForList("select m.source_channel as \"source\", "
                + "m.recipient_id as \"recipient\", sum(m.referrals) as \"referrals\", sum(m.contacted) as \"contacted\", "
                + "sum(m.within_hour) as \"hour\", sum(m.within_business_day) as \"day\", " + HourBuckets.sumColumns("contact_h")
                + " from " + rollups.source(ReportRollups.FIRST_CONTACTS, filter, params) + " m where "
                + filter.rollupWhere(params) + " group by m.source_channel, m.recipient_id", params)) {
            long[] counts = {number(sums, "referrals"), number(sums, "contacted"), number(sums, "hour"), number(sums, "day")};
            long[] histogram = HourBuckets.takeHistogram(sums, "contact_h");
            all.add(counts, histogram);
            bySource.computeIfAbsent((String) sums.get("source"), k -> new Tally()).add(counts, histogram);
            byRecipient.computeIfAbsent((String) sums.get("recipient"), k -> new Tally()).add(counts, histogram);
        }
        return new Figures(all.row(null), rows(bySource), rows(byRecipient));
    }

    private static List<Map<String, Object>> rows(Map<String, Tally> tallies) {
        List<Map<String, Object>> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(tally.row(key)));
        rows.sort(MOST_REFERRALS_FIRST);
        return rows;
    }

    /** Counts and an hour histogram, added up over rollup rows. */
    private static final class Tally {
        final long[] counts = new long[4];
        final long[] histogram = new long[HourBuckets.UPPER.length];

        void add(long[] more, long[] moreHistogram) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += more[i];
            }
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] += moreHistogram[i];
            }
        }

        Map<String, Object> row(String key) {
            return FirstContactFigures.row(key, counts[0], counts[1], counts[2], counts[3],
                    HourBuckets.quantile(histogram, 0.5), HourBuckets.quantile(histogram, 0.9));
        }
    }

    private static Map<String, Object> row(String key, long referrals, long contacted, long withinHour,
                                           long withinBusinessDay, BigDecimal median, BigDecimal p90) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.put("referrals", referrals);
        row.put("contacted", contacted);
        row.put("medianHoursToFirstContact", median);
        row.put("p90HoursToFirstContact", p90);
        row.put("reachedWithinHour", withinHour);
        row.put("reachedWithinHourShare", ReportQueries.rate(withinHour, referrals));
        row.put("notReachedWithinHour", referrals - withinHour);
        row.put("reachedWithinBusinessDay", withinBusinessDay);
        row.put("reachedWithinBusinessDayShare", ReportQueries.rate(withinBusinessDay, referrals));
        row.put("notReachedWithinBusinessDay", referrals - withinBusinessDay);
        return row;
    }

    private static final Comparator<Map<String, Object>> MOST_REFERRALS_FIRST = Comparator
            .comparing((Map<String, Object> row) -> (Long) row.get("referrals")).reversed()
            .thenComparing(row -> (String) row.get("key"), Comparator.nullsLast(Comparator.naturalOrder()));

    private static long number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal hours(Object value) {
        return value == null ? null : BigDecimal.valueOf(((Number) value).doubleValue()).setScale(2, RoundingMode.HALF_UP);
    }
}
