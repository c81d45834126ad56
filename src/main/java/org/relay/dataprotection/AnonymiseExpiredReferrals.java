package org.relay.dataprotection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogEntry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Service task "Anonymise expired referrals" in processes/data-retention.bpmn: up to {@value #BATCH} closed referrals
 * past their record type's retention period per job, each erased like an erasure request (without ending anything:
 * they are closed) and audited as ANONYMISED.
 */
@Component("anonymiseExpiredReferrals")
class AnonymiseExpiredReferrals implements JavaDelegate {

    static final int BATCH = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataEraser eraser;
    private final RetentionProperties retention;
    private final Catalog catalog;
    private final AuditTrail audit;
    private final Clock clock;

    AnonymiseExpiredReferrals(NamedParameterJdbcTemplate jdbc, PersonalDataEraser eraser, RetentionProperties retention,
                              Catalog catalog, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.eraser = eraser;
        this.retention = retention;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Long> expired = expired(BATCH + 1);
        for (Long id : expired.subList(0, Math.min(BATCH, expired.size()))) {
            PersonalDataEraser.Result result = eraser.eraseReferral(id);
            result.referrals().forEach(reference -> audit.write(AuditAction.ANONYMISED, reference, "retention",
                    "customer data anonymised at the end of its retention period", null));
        }
        execution.setVariable("expiredLeft", Math.max(0, expired.size() - BATCH));
    }

    /** Closed referrals not yet anonymised whose close lies further back than their record type's period. */
    private List<Long> expired(int limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> clauses = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
        List<String> configured = new ArrayList<>();
        int i = 0;
        for (CatalogEntry type : catalog.recordTypes()) {
            clauses.add("(record_type = :type" + i + " and coalesce(closed_at, converted_at) < :before" + i + ")");
            parameters.addValue("type" + i, type.code())
                    .addValue("before" + i, Timestamp.from(today.minus(retention.of(type.code())).atStartOfDay(ZoneOffset.UTC).toInstant()));
            configured.add(type.code());
            i++;
        }
        clauses.add("(record_type not in (:configured) and coalesce(closed_at, converted_at) < :beforeDefault)");
        parameters.addValue("configured", configured.isEmpty() ? List.of("\u0001none") : configured)
                .addValue("beforeDefault", Timestamp.from(today.minus(retention.defaultPeriod())
                        .atStartOfDay(ZoneOffset.UTC).toInstant()));
        return jdbc.queryForList("select id from referral where erased_at is null and status in ('CONVERTED', 'CLOSED_LOST')"
                + " and (" + String.join(" or ", clauses) + ") order by id limit :limit", parameters, Long.class);
    }
}
