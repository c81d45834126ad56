package org.relay.rewards;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums over the ledger's rewards, in points or per currency (a unit each): a referrer's balances, the totals of the
 * leaderboard and the dashboard, the reports by branch and by person. "Earned" is what was granted (approved or paid).
 */
@Component
@Transactional(readOnly = true)
public class RewardBalances {

    /** One unit's balance: {@code unit} is "points" or a currency code. */
    public record Balance(String unit, BigDecimal earned, BigDecimal awaitingManager, BigDecimal approved,
                          BigDecimal payable, BigDecimal paid, BigDecimal owedBack) {
    }

    /** A line of a report: who (a referrer or a branch), in one unit, how many rewards, earned and paid. */
    public record Line(String key, String name, String unit, long rewards, BigDecimal earned, BigDecimal paid) {
    }

    private static final String UNIT = "case when r.amount is null then 'points' else r.currency end";
    private static final String VALUE = "case when r.amount is null then r.points else r.amount end";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    RewardBalances(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Balance> of(String referrerId) {
        return jdbc.query("select " + UNIT + " as unit,"
                        + " sum(case when r.status in ('APPROVED', 'PAID') then " + VALUE + " else 0 end) as earned,"
                        + " sum(case when r.status in ('PENDING_APPROVAL', 'HELD') then " + VALUE + " else 0 end) as waiting,"
                        + " sum(case when r.status = 'APPROVED' then " + VALUE + " else 0 end) as approved,"
                        + " sum(case when r.status = 'APPROVED' and r.payable_from <= :now then " + VALUE + " else 0 end) as payable,"
                        + " sum(case when r.status = 'PAID' then " + VALUE + " else 0 end) as paid,"
                        + " sum(case when r.status = 'REVERSED' and r.paid_at is not null then " + VALUE + " else 0 end) as owed"
                        + " from reward r where r.referrer_id = :referrer group by " + UNIT + " order by 1",
                new MapSqlParameterSource("referrer", referrerId).addValue("now", Timestamp.from(clock.instant())),
                (rs, i) -> new Balance(rs.getString("unit"), rs.getBigDecimal("earned"), rs.getBigDecimal("waiting"),
                        rs.getBigDecimal("approved"), rs.getBigDecimal("payable"), rs.getBigDecimal("paid"),
                        rs.getBigDecimal("owed")));
    }

    /** Earned and paid per referrer and unit, for the leaderboard: referrer id → lines. */
    public Map<String, List<Line>> ofReferrers(Collection<String> referrerIds) {
        Map<String, List<Line>> byReferrer = new LinkedHashMap<>();
        if (referrerIds.isEmpty()) {
            return byReferrer;
        }
        for (Line line : lines("r.referrer_id", "max(r.referrer_name)", "r.referrer_id in (:ids)",
                new MapSqlParameterSource("ids", referrerIds))) {
            byReferrer.computeIfAbsent(line.key(), k -> new java.util.ArrayList<>()).add(line);
        }
        return byReferrer;
    }

    /** Per person (the referrer), rewards earned in [from, to). */
    public List<Line> byPerson(Instant from, Instant to) {
        return lines("r.referrer_id", "max(r.referrer_name)", "r.earned_at >= :from and r.earned_at < :to", range(from, to));
    }

    /** Per branch: the queue an employee belonged to when they referred (others have none), rewards earned in [from, to). */
    public List<Line> byBranch(Instant from, Instant to) {
        return lines("r.credit_queue", "max(r.credit_queue)", "r.credit_queue is not null and r.earned_at >= :from"
                + " and r.earned_at < :to", range(from, to));
    }

    /** Everything earned and paid, per unit: the dashboard's card. */
    public List<Line> totals() {
        return lines(null, null, "1 = 1", new MapSqlParameterSource());
    }

    private List<Line> lines(String key, String name, String where, MapSqlParameterSource parameters) {
        // no key: one line per unit (a constant in GROUP BY is refused by PostgreSQL)
        String groupBy = key == null ? UNIT : key + ", " + UNIT;
        return jdbc.query("select " + (key == null ? "'all'" : key) + " as k, " + (name == null ? "'all'" : name)
                        + " as n, " + UNIT + " as unit,"
                        + " count(case when r.status in ('APPROVED', 'PAID') then 1 end) as rewards,"
                        + " sum(case when r.status in ('APPROVED', 'PAID') then " + VALUE + " else 0 end) as earned,"
                        + " sum(case when r.status = 'PAID' then " + VALUE + " else 0 end) as paid"
                        + " from reward r where " + where + " group by " + groupBy
                        + " order by 5 desc, 1, 3", parameters,
                (rs, i) -> new Line(rs.getString("k"), rs.getString("n"), rs.getString("unit"), rs.getLong("rewards"),
                        rs.getBigDecimal("earned"), rs.getBigDecimal("paid")));
    }

    private static MapSqlParameterSource range(Instant from, Instant to) {
        return new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
    }
}
