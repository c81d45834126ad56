package org.relay.referral;

import org.relay.common.CsvExport;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.ForbiddenException;
import org.relay.common.ReadOnly;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.relay.security.PiiMasking;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/referrals/export.csv}: the referrals a caller may see, newest first (at most 10 000), for a
 * spreadsheet. Customer names are initialled and email and phone partly hidden unless {@code full=true}, which only
 * compliance and administrators may ask for. Every export is audited, saying whether it carried full personal data.
 */
@RestController
class ReferralExportController {

    private static final List<String> COLUMNS = List.of("referenceNumber", "status", "recordType", "product", "customer",
            "email", "phone", "owner", "queue", "sourceChannel", "leadScore", "createdAt", "closedAt", "convertedAt");
    private static final int MAX_ROWS = 10_000;

    private final ReferralAccess access;
    private final Callers callers;
    private final ReadOnly readOnly;
    private final AuditTrail audit;

    ReferralExportController(ReferralAccess access, Callers callers, ReadOnly readOnly,
                             AuditTrail audit) {
        this.access = access;
        this.callers = callers;
        this.readOnly = readOnly;
        this.audit = audit;
    }

    @GetMapping("/api/referrals/export.csv")
    ResponseEntity<String> export(@RequestParam(required = false) List<ReferralStatus> status,
                                  @RequestParam(defaultValue = "false") boolean full) {
        Caller caller = callers.current();
        if (full && !caller.isAdmin() && !caller.isCompliance()) {
            throw ForbiddenException.of("problem.export.full");
        }
        Collection<ReferralStatus> statuses = status == null || status.isEmpty() ? EnumSet.allOf(ReferralStatus.class) : status;
        PageRequest first = PageRequest.of(0, MAX_ROWS, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        List<Map<String, Object>> rows = readOnly.read(() ->
                access.page(caller, statuses, first).map(r -> row(r, full)).getContent());
        audit.write(AuditAction.EXPORTED, null, "referrals CSV", rows.size() + " referrals, status " + statuses
                + (full ? ", FULL personal data" : ", personal data masked"), null);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relay-referrals.csv\"")
                .body(CsvExport.write(COLUMNS, rows));
    }

    private static Map<String, Object> row(Referral r, boolean full) {
        Customer c = r.getCustomer();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("referenceNumber", r.getReferenceNumber());
        row.put("status", r.getStatus().name());
        row.put("recordType", r.getRecordType());
        row.put("product", r.getExpressedInterest());
        row.put("customer", full ? c.getName() : PiiMasking.initials(c.getName()));
        row.put("email", full ? c.getEmail() : PiiMasking.email(c.getEmail()));
        row.put("phone", full ? c.getPhone() : PiiMasking.phone(c.getPhone()));
        row.put("owner", r.getOwnerId());
        row.put("queue", r.getQueueId());
        row.put("sourceChannel", r.getSourceChannel());
        row.put("leadScore", r.getLeadScore());
        row.put("createdAt", r.getCreatedAt());
        row.put("closedAt", r.getClosedAt());
        row.put("convertedAt", r.getConvertedAt());
        return row;
    }
}
