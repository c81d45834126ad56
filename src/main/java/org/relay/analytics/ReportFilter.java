package org.relay.analytics;

import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What every report can be narrowed to: referrals created from {@code from} to {@code to} (inclusive dates, UTC;
 * default: this month and the eleven before it), one queue (a line of business), product, source channel, record type.
 * {@code scope}, when not null, are the only queues the reader may see (a manager's: {@link #within}); every query of
 * every report reads through {@link #where} or {@link #rollupWhere}, so it holds for all of them.
 */
public record ReportFilter(LocalDate from, LocalDate to, String queue, String product, String source, String recordType,
                           String lineOfBusiness, Set<String> scope) {

    /** Parses request parameters, naming every bad one at once. */
    public static ReportFilter of(String from, String to, String queue, String product, String source, String recordType,
                                  LocalDate today) {
        return of(from, to, queue, product, source, recordType, null, today);
    }

    public static ReportFilter of(String from, String to, String queue, String product, String source, String recordType,
                                  String lineOfBusiness, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate toDate = date("to", to, today, problems);
        LocalDate fromDate = date("from", from, (toDate == null ? today : toDate).minusMonths(11).withDayOfMonth(1), problems);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add(FieldProblem.of("from", "problem.common.from-after-to-date", toDate.toString()));
        }
        if (fromDate != null && toDate != null && fromDate.plusYears(10).isBefore(toDate)) {
            problems.add(FieldProblem.of("from", "problem.report.ten-years"));
        }
        checkCode("queue", queue, problems);
        checkCode("product", product, problems);
        checkCode("source", source, problems);
        checkCode("recordType", recordType, problems);
        checkCode("lineOfBusiness", lineOfBusiness, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ReportFilter(fromDate, toDate, blankToNull(queue), blankToNull(product), blankToNull(source),
                blankToNull(recordType), blankToNull(lineOfBusiness), null);
    }

    /** The same filter, read only in these queues (null: every queue). */
    public ReportFilter within(Set<String> queues) {
        return new ReportFilter(from, to, queue, product, source, recordType, lineOfBusiness,
                queues == null ? null : Set.copyOf(queues));
    }

    /** Neither a queue, a line of business nor a reader's scope narrows the queues. */
    boolean allQueues() {
        return queue == null && lineOfBusiness == null && scope == null;
    }

    /** Days from {@code from} (inclusive) to {@code until} (exclusive), UTC. */
    record Days(LocalDate from, LocalDate until) {
        boolean isEmpty() {
            return !from.isBefore(until);
        }
    }

    /**
     * The whole months inside the range, as the monthly rollups hold them (a range reaching today takes its month
     * whole: the rollup has everything of it so far); empty when the range lies within one month.
     */
    Optional<Days> wholeMonths(LocalDate today) {
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate until = to.equals(to.withDayOfMonth(to.lengthOfMonth())) || !to.isBefore(today)
                ? to.withDayOfMonth(1).plusMonths(1) : to.withDayOfMonth(1);
        Days whole = new Days(first, until);
        return whole.isEmpty() ? Optional.empty() : Optional.of(whole);
    }

    /** The days at either end of the range that are not whole months (none when the range is whole months). */
    List<Days> edgeDays(LocalDate today) {
        Days all = new Days(from, to.plusDays(1));
        return wholeMonths(today)
                .map(whole -> Stream.of(new Days(all.from(), whole.from()), new Days(whole.until(), all.until()))
                        .filter(days -> !days.isEmpty()).toList())
                .orElse(List.of(all));
    }

    /** No product, source or record type filter: what the referrer rollup (by month, referrer and queue) can answer. */
    boolean onlyQueue() {
        return product == null && source == null && recordType == null;
    }

    /** SQL conditions on a monthly rollup (alias {@code m}) and their parameters. */
    String rollupWhere(Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("m.created_month >= :fromMonth and m.created_month <= :toMonth");
        params.put("fromMonth", java.sql.Date.valueOf(from.withDayOfMonth(1)));
        params.put("toMonth", java.sql.Date.valueOf(to.withDayOfMonth(1)));
        condition(sql, params, "m.queue_id", "queue", queue);
        condition(sql, params, "m.expressed_interest", "product", product);
        condition(sql, params, "m.source_channel", "source", source);
        condition(sql, params, "m.record_type", "recordType", recordType);
        lineOfBusiness(sql, params, "m.queue_id");
        scope(sql, params, "m.queue_id");
        return sql.toString();
    }

    /** SQL conditions on the referral table (alias {@code r}) and their parameters. */
    String where(Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("r.created_at >= :from and r.created_at < :to");
        params.put("from", java.sql.Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
        params.put("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        condition(sql, params, "r.queue_id", "queue", queue);
        condition(sql, params, "r.expressed_interest", "product", product);
        condition(sql, params, "r.source_channel", "source", source);
        condition(sql, params, "r.record_type", "recordType", recordType);
        lineOfBusiness(sql, params, "r.queue_id");
        scope(sql, params, "r.queue_id");
        return sql.toString();
    }

    Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", from.toString());
        map.put("to", to.toString());
        map.put("queue", queue);
        map.put("product", product);
        map.put("source", source);
        map.put("recordType", recordType);
        map.put("lineOfBusiness", lineOfBusiness);
        if (scope != null) {
            map.put("managedQueues", scope.stream().sorted().toList());
        }
        return map;
    }

    private void scope(StringBuilder sql, Map<String, Object> params, String queueColumn) {
        if (scope != null) {
            sql.append(scope.isEmpty() ? " and 1 = 0" : " and " + queueColumn + " in (:scopeQueues)");
            params.put("scopeQueues", scope);
        }
    }

    /** A line of business is the set of queues configured with it (PUT /api/queues/{id}). */
    private void lineOfBusiness(StringBuilder sql, Map<String, Object> params, String queueColumn) {
        if (lineOfBusiness != null) {
            sql.append(" and ").append(queueColumn)
                    .append(" in (select q.group_id from routing_queue q where q.line_of_business = :lineOfBusiness)");
            params.put("lineOfBusiness", lineOfBusiness);
        }
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static LocalDate date(String field, String value, LocalDate fallback, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "problem.common.date"));
            return null;
        }
    }

    private static void checkCode(String field, String value, List<FieldProblem> problems) {
        if (value != null && !value.isBlank() && !value.matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add(FieldProblem.of(field, "problem.report.code"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
