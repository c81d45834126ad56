package org.relay.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.common.FieldProblem;
import org.relay.monitoring.BusinessMetrics;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Async service task "Import next batch" of the CSV import process: one batch of staged rows per job, so per
 * transaction. Each valid row becomes a lead through the same intake as every channel (scored, routed, notified);
 * each invalid one an error naming row and field; a row already imported from the same source and campaign is
 * counted as a duplicate, so running the same file again adds nothing. A failing batch is retried by the engine
 * and ends in an incident; the batches before it stay imported.
 */
@Component("importNextBatch")
class ImportBatch implements JavaDelegate {

    private static final TypeReference<Map<String, String>> ROW = new TypeReference<>() {
    };
    /** The lane's number (the multi-instance's loop counter) and the last row number it imported. */
    private static final String LANE = "loopCounter";
    private static final String LAST_ROW = "laneLastRow";

    private final ImportJobRepository jobs;
    private final JdbcTemplate jdbc;
    private final ImportRowMapper mapper;
    private final ReferralIntake intake;
    private final ObjectMapper json;
    private final int batchSize;
    private final BusinessMetrics metrics;
    private final ImportDigestWindow digestWindow;
    private final ImportedLeads importedLeads;

    @PersistenceContext
    private EntityManager entityManager;

    ImportBatch(ImportJobRepository jobs, JdbcTemplate jdbc, ImportRowMapper mapper, ReferralIntake intake,
                ObjectMapper json, @Value("${relay.imports.batch-size:50}") int batchSize,
                BusinessMetrics metrics, ImportDigestWindow digestWindow, ImportedLeads importedLeads) {
        this.importedLeads = importedLeads;
        this.digestWindow = digestWindow;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.intake = intake;
        this.json = json;
        this.batchSize = batchSize;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) throws IOException {
        ImportJob job = jobs.require(((Number) execution.getVariable("importId")).longValue());
        String defaultProduct = (String) execution.getVariable("defaultProduct");
        Long importId = job.getId();
        boolean dryRun = job.isDryRun();
        // this lane's rows after the last one it did; rows are numbered as in the file, the header being row 1 (an
        // import staged before lanes has one lane, whose rows done so far are the import's)
        Object laneNumber = execution.getVariable(LANE);
        int lane = laneNumber == null ? 0 : ((Number) laneNumber).intValue();
        Object cursor = execution.getVariableLocal(LAST_ROW);
        int lastRow = cursor != null ? ((Number) cursor).intValue() : job.getLanes() == 1 ? job.getProcessedRows() + 1 : 1;
        List<Map.Entry<Integer, String>> rows = jdbc.query(
                "select row_number, data from import_row where import_id = ? and lane = ? and row_number > ?"
                        + " order by row_number limit ?",
                (rs, i) -> Map.entry(rs.getInt(1), rs.getString(2)), importId, lane, lastRow, batchSize);
        if (job.isMailDigest() && !dryRun) {
            importedLeads.batchAnnouncedByDigest();   // its leads get no mail each: the digest lists them
        }
        int imported = 0;
        int duplicates = 0;
        int failed = 0;
        List<Object[]> errors = new ArrayList<>();
        for (Map.Entry<Integer, String> row : rows) {
            lastRow = row.getKey();
            Map<String, String> data = json.readValue(row.getValue(), ROW);
            List<FieldProblem> problems = new ArrayList<>();
            CreateReferralRequest request = null;
            if (data.containsKey("_tooLong")) {
                problems.add(FieldProblem.of("row", "problem.import.row.too-long"));
            } else {
                ImportRowMapper.Mapped mapped = mapper.map(data, job, defaultProduct);
                request = mapped.request();
                problems.addAll(mapped.problems());
                for (FieldProblem problem : intake.problems(request)) {
                    // one error per column: "unknown product" already says why the product is missing
                    if (problems.stream().noneMatch(p -> columnOf(p.field()).equals(columnOf(problem.field())))) {
                        problems.add(problem);
                    }
                }
            }
            if (!problems.isEmpty()) {
                failed++;
                for (FieldProblem problem : problems) {
                    errors.add(new Object[]{importId, row.getKey(), columnOf(problem.field()), truncate(problem.message())});
                }
                continue;
            }
            String key = dedupKey(job, request);
            boolean seen = jdbc.queryForObject("select count(*) from import_dedup where row_key = ?", Integer.class, key) > 0;
            if (seen) {
                duplicates++;
            } else if (dryRun) {
                imported++;
            } else {
                Referral referral = intake.create(request);
                jdbc.update("insert into import_dedup (row_key, referral_id, import_id) values (?, ?, ?)", key,
                        referral.getId(), importId);
                imported++;
                // keep the persistence context small: a batch of hundreds of leads must not be dirty-checked per query
                entityManager.flush();
                entityManager.clear();
            }
        }
        if (!errors.isEmpty()) {
            jdbc.batchUpdate("insert into import_row_error (import_id, row_number, field, message) values (?, ?, ?, ?)", errors);
        }
        jobs.batchDone(importId, rows.size(), imported, duplicates, failed);
        if (!dryRun) {
            metrics.importRows(imported, duplicates, failed);
        }
        // the lane's own variables: the lanes run side by side and must not write each other's
        execution.setVariableLocal(LAST_ROW, lastRow);
        execution.setVariableLocal("moreRows", rows.size() == batchSize);
        if (lane == 0) {
            // the first lane keeps the import's digest window (the digest lists every lane's leads)
            digestWindow.afterBatch(execution, job.isMailDigest() && imported > 0);
        }
    }

    /** Report errors by the file's own column names where the request field maps back to one. */
    private static String columnOf(String field) {
        return switch (field) {
            case "customer.name" -> "name";
            case "customer.email" -> "email";
            case "customer.phone" -> "phone";
            case "customer" -> "email/phone";
            case "expressedInterest" -> "product";
            case "interestValue.amount" -> "amount";
            case "interestValue.currency" -> "currency";
            default -> field.startsWith("customer.") ? field.substring("customer.".length()) : field;
        };
    }

    private static String dedupKey(ImportJob job, CreateReferralRequest request) {
        String identity = String.join("|", job.getSourceChannel(), String.valueOf(job.getCampaign()),
                lower(request.customer().email()), digits(request.customer().phone()),
                lower(request.customer().name()), request.expressedInterest());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String digits(String value) {
        return value == null ? "" : value.replaceAll("[^0-9]", "");
    }

    private static String truncate(String message) {
        return message.length() <= 500 ? message : message.substring(0, 497) + "...";
    }
}
