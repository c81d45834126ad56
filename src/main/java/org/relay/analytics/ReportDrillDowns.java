package org.relay.analytics;

import org.relay.common.InvalidRequestException;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The referrals behind one bar of a report: the report's filter (already narrowed to the reader's queues) and the
 * bar's condition from {@link ReportBars}, the very conditions the report counts with, on the referral table — finished
 * referrals included. Newest first, one page at a time, with the total.
 */
@Component
class ReportDrillDowns {

    /** Which bar: the parameter that names it per report, its condition, and the first-contact recipient if one. */
    record Bar(String field, String value, String condition, String recipient) {
        Bar(String field, String value, String condition) {
            this(field, value, condition, null);
        }
    }

    record Page(List<Referral> referrals, long total) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ReferralRepository referrals;
    private final Clock clock;

    ReportDrillDowns(NamedParameterJdbcTemplate jdbc, ReferralRepository referrals, Clock clock) {
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.clock = clock;
    }

    /**
     * The bar of {@code report} that the request's stage, measure or referrer names, a speed bar narrowed to one
     * recipient (the dashboard's first contact per recipient); 400 naming the field otherwise.
     */
    static Bar bar(String report, String stage, String measure, String referrer, String recipient) {
        if (recipient != null && !report.equals("speed")) {
            throw InvalidRequestException.of("recipient", "problem.report.recipient-speed-only");
        }
        return switch (report) {
            case "funnel" -> new Bar("stage", stage, ReportBars.of(ReportBars.FUNNEL, "stage", stage));
            case "speed" -> {
                String condition = ReportBars.of(ReportBars.SPEED, "measure", measure);
                if (recipient == null) {
                    yield new Bar("measure", measure, condition);
                }
                if (recipient.isBlank() || recipient.length() > 64) {
                    throw InvalidRequestException.of("recipient", "problem.report.recipient");
                }
                yield new Bar("measure", measure, "(" + condition + ") and " + ReportBars.FIRST_CONTACT_RECIPIENT
                        + " = :recipient", recipient.trim());
            }
            case "referrers" -> {
                if (referrer == null || referrer.isBlank() || referrer.length() > 64) {
                    throw InvalidRequestException.of("referrer", "problem.report.referrer");
                }
                yield new Bar("referrer", referrer.trim(), "r.referrer_id = :referrer");
            }
            default -> throw InvalidRequestException.of("report", "problem.report.no-list", report);
        };
    }

    Page page(ReportFilter filter, Bar bar, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("weekAgo", Timestamp.from(clock.instant().minus(Duration.ofDays(7))));
        params.put("referrer", bar.value());
        params.put("recipient", bar.recipient());
        String where = " from referral r where " + filter.where(params) + " and (" + bar.condition() + ")";
        Long total = jdbc.queryForObject("select count(*)" + where, params, Long.class);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Long> ids = jdbc.queryForList("select r.id" + where + " order by r.created_at desc, r.id desc "
                + "limit :limit offset :offset", params, Long.class);
        Map<Long, Referral> byId = referrals.findAllById(ids).stream()
                .collect(Collectors.toMap(Referral::getId, Function.identity()));
        return new Page(ids.stream().map(byId::get).toList(), total == null ? 0 : total);
    }
}
