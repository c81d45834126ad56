package org.relay.audit;

import org.relay.common.CsvExport;
import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail for compliance (groups relay-compliance and camunda-admin): newest first, filtered by referral,
 * actor, action and date range (from inclusive, to exclusive, ISO dates), as JSON or CSV. Exporting it is audited.
 */
@RestController
class AuditController {

    private static final List<String> COLUMNS = List.of("occurredAt", "actor", "action", "referralNumber", "subject",
            "detail", "purpose");

    private final AuditEntryRepository entries;
    private final AuditTrail trail;

    AuditController(AuditEntryRepository entries, AuditTrail trail) {
        this.entries = entries;
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    ResponseEntity<?> search(@RequestParam(required = false) String referral, @RequestParam(required = false) String actor,
                             @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(defaultValue = "500") String limit,
                             @RequestParam(defaultValue = "json") String format) {
        List<FieldProblem> problems = new ArrayList<>();
        AuditAction kind = action(action, problems);
        Instant start = day("from", from, LocalDate.of(2000, 1, 1), problems);
        Instant end = day("to", to, LocalDate.of(3000, 1, 1), problems);
        int rows = limit(limit, problems);
        if (!format.equals("json") && !format.equals("csv")) {
            problems.add(FieldProblem.of("format", "problem.common.json-or-csv"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<AuditEntry> found = entries.search(blankToNull(referral), blankToNull(actor), kind, start, end,
                PageRequest.of(0, rows));
        if (format.equals("json")) {
            return ResponseEntity.ok(found.stream().map(AuditController::row).toList());
        }
        trail.write(AuditAction.EXPORTED, blankToNull(referral), "audit trail",
                found.size() + " entries (actor=" + actor + ", action=" + action + ", from=" + from + ", to=" + to + ")", null);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relay-audit.csv\"")
                .body(CsvExport.write(COLUMNS, found.stream().map(AuditController::row).toList()));
    }

    private static Map<String, Object> row(AuditEntry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("occurredAt", entry.getOccurredAt().toString());
        row.put("actor", entry.getActor());
        row.put("action", entry.getAction().name());
        row.put("referralNumber", entry.getReferralNumber());
        row.put("subject", entry.getSubject());
        row.put("detail", entry.getDetail());
        row.put("purpose", entry.getPurpose());
        return row;
    }

    private static AuditAction action(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("action", "problem.common.one-of", List.of(AuditAction.values()).toString()));
            return null;
        }
    }

    private static Instant day(String field, String value, LocalDate otherwise, List<FieldProblem> problems) {
        try {
            LocalDate date = value == null || value.isBlank() ? otherwise : LocalDate.parse(value.trim());
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "problem.audit.date"));
            return null;
        }
    }

    private static int limit(String value, List<FieldProblem> problems) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= 10_000) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(FieldProblem.of("limit", "problem.common.whole-number", "1", "10000"));
        return 1;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
