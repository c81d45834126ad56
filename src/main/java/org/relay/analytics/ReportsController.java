package org.relay.analytics;

import org.relay.common.CsvExport;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.relay.common.FieldProblem;
import org.relay.common.ForbiddenException;
import org.relay.queue.RoutingQueue;
import org.relay.queue.RoutingQueueRepository;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.relay.security.QueueScope;
import org.relay.referral.ReferralAccess;
import org.relay.common.InvalidRequestException;
import org.relay.common.ReadOnly;
import org.relay.common.RelayProperties;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /api/reports/{report}}: funnel, sources, recipients, referrers, speed, steps, volume-plan. JSON by
 * default; CSV with {@code ?format=csv} or {@code Accept: text/csv}. Filters: from, to, queue, product, source,
 * recordType. A manager reads only the queues they manage ({@link ReferralAccess#managedQueues}): without a queue
 * filter the report covers those; a queue or line of business beyond them is 403 naming the parameter.
 * {@code GET /api/reports/{funnel|speed|referrers}/referrals} lists the referrals behind one bar, under the same filter
 * and scope (see {@link ReportDrillDowns}).
 */
@RestController
class ReportsController {

    static final List<String> REPORTS = List.of("funnel", "sources", "recipients", "referrers", "speed", "steps", "volume-plan");

    private final ReportQueries reports;
    private final RepositoryService repository;
    private final RelayProperties relay;
    private final Clock clock;

    private final AuditTrail audit;
    private final ReportRollups rollups;
    private final ReferralAccess access;
    private final Callers callers;
    private final RoutingQueueRepository queues;

    private final ReportDrillDowns drillDowns;
    private final ReferralViews views;
    private final ReadOnly readOnly;

    ReportsController(ReportQueries reports, RepositoryService repository, RelayProperties relay, Clock clock, AuditTrail audit,
                      ReportRollups rollups, ReferralAccess access, Callers callers, RoutingQueueRepository queues,
                      ReportDrillDowns drillDowns, ReferralViews views, ReadOnly readOnly) {
        this.drillDowns = drillDowns;
        this.views = views;
        this.readOnly = readOnly;
        this.access = access;
        this.callers = callers;
        this.queues = queues;
        this.audit = audit;
        this.rollups = rollups;
        this.reports = reports;
        this.repository = repository;
        this.relay = relay;
        this.clock = clock;
    }

    /** What there is to ask for, and how fresh the rollups behind most reports are (null before their first rebuild). */
    @GetMapping("/api/reports")
    Map<String, Object> index() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("reports", REPORTS);
        index.put("filters", List.of("from", "to", "lineOfBusiness", "queue", "product", "source", "recordType"));
        index.put("formats", List.of("json", "csv"));
        index.put("rollups", rollups.lastRebuild().orElse(null));
        return index;
    }

    @GetMapping("/api/reports/{name}")
    ResponseEntity<?> report(@PathVariable String name,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String queue, @RequestParam(required = false) String product,
                             @RequestParam(required = false) String source, @RequestParam(required = false) String recordType,
                             @RequestParam(required = false) String lineOfBusiness,
                             @RequestParam(defaultValue = "month") String period,
                             @RequestParam(defaultValue = "source") String by,
                             @RequestParam(defaultValue = "20") String limit,
                             @RequestParam(required = false) String target,
                             @RequestParam(required = false) String format,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFilter filter = scoped(ReportFilter.of(from, to, queue, product, source, recordType, lineOfBusiness,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        Report report = switch (name) {
            case "funnel" -> reports.funnel(filter, period(period));
            case "sources" -> reports.sources(filter, dimension(by));
            case "recipients" -> reports.recipients(filter);
            case "referrers" -> reports.referrers(filter, number("limit", limit, 1, 500));
            case "speed" -> reports.speed(filter, clock.instant());
            case "steps" -> reports.steps(filter, cockpitLink(), activityIdsByName());
            case "volume-plan" -> {
                if (filter.product() == null) {
                    throw InvalidRequestException.of("product", "problem.report.plan-product");
                }
                yield reports.volumePlan(filter, number("target", target == null ? "" : target, 1, 1_000_000));
            }
            default -> throw InvalidRequestException.of("report", "problem.report.unknown", name,
                    String.join(", ", REPORTS));
        };
        if (wantsCsv(format, accept)) {
            audit.write(AuditAction.EXPORTED, null, "report " + report.name(), report.rows().size() + " rows, "
                    + filter.from() + " to " + filter.to(), null);
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relay-" + report.name() + "-"
                            + filter.from() + "-" + filter.to() + ".csv\"")
                    .body(csv(report));
        }
        return ResponseEntity.ok(report);
    }

    /**
     * The referrals one bar of a report counts (funnel {@code stage}, speed {@code measure} — of one first-contact
     * {@code recipient} if named —, {@code referrer}), finished ones included: newest first, {@code page}/{@code size} (at most 200), the total in {@code X-Total-Count}. Rows as
     * {@code GET /api/referrals} answers them.
     */
    @GetMapping("/api/reports/{name}/referrals")
    ResponseEntity<List<ReferralView>> referrals(@PathVariable String name,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String queue, @RequestParam(required = false) String product,
                             @RequestParam(required = false) String source, @RequestParam(required = false) String recordType,
                             @RequestParam(required = false) String lineOfBusiness,
                             @RequestParam(required = false) String stage, @RequestParam(required = false) String measure,
                             @RequestParam(required = false) String referrer,
                             @RequestParam(required = false) String recipient,
                             @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String size) {
        ReportDrillDowns.Bar bar = ReportDrillDowns.bar(name, stage, measure, referrer, recipient);
        int pageNumber = number("page", page, 0, 1_000_000);
        int pageSize = number("size", size, 1, 200);
        ReportFilter filter = scoped(ReportFilter.of(from, to, queue, product, source, recordType, lineOfBusiness,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        record Listed(List<ReferralView> rows, long total) {
        }
        Listed listed = readOnly.read(() -> {
            ReportDrillDowns.Page found = drillDowns.page(filter, bar, pageNumber, pageSize);
            return new Listed(found.referrals().stream().map(views::summary).toList(), found.total());
        });
        audit.write(AuditAction.LISTED, null, "report " + name + " " + bar.field() + " " + bar.value()
                        + (bar.recipient() == null ? "" : " recipient " + bar.recipient()),
                listed.rows().size() + " of " + listed.total() + ", page " + pageNumber + ", "
                        + filter.from() + " to " + filter.to(), null);
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(listed.total())).body(listed.rows());
    }

    /**
     * A report's CSV: its table; a report with breakdowns (speed: first contact per channel and per recipient) adds
     * their rows below it, named in two more columns at the end ({@code breakdown} "all" on the report's own rows).
     */
    static String csv(Report report) {
        if (report.breakdowns() == null || report.breakdowns().isEmpty()) {
            return CsvExport.write(report.columns(), report.rows());
        }
        List<String> columns = new ArrayList<>(report.columns());
        columns.add("breakdown");
        columns.add("key");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : report.rows()) {
            Map<String, Object> all = new LinkedHashMap<>(row);
            all.put("breakdown", "all");
            rows.add(all);
        }
        report.breakdowns().forEach((name, breakdown) -> breakdown.forEach(row -> {
            Map<String, Object> part = new LinkedHashMap<>(row);
            part.put("breakdown", name);
            part.put("key", row.values().iterator().next());   // its first column: the channel, the recipient
            rows.add(part);
        }));
        return CsvExport.write(columns, rows);
    }

    /** The filter narrowed to the queues the caller manages; 403 naming a queue or line of business beyond them. */
    private ReportFilter scoped(ReportFilter filter) {
        Caller caller = callers.current();
        QueueScope scope = access.managedQueues(caller);
        if (scope.everything()) {
            return filter;
        }
        List<FieldProblem> refused = new ArrayList<>();
        if (filter.queue() != null && !scope.contains(filter.queue())) {
            refused.add(FieldProblem.of("queue", "problem.report.queue-not-managed", caller.userId(), filter.queue()));
        }
        if (filter.lineOfBusiness() != null) {
            List<String> ofLine = queues.findAll().stream()
                    .filter(q -> filter.lineOfBusiness().equals(q.getLineOfBusiness()))
                    .map(RoutingQueue::getGroupId).sorted().toList();
            List<String> notManaged = ofLine.stream().filter(q -> !scope.contains(q)).toList();
            if (!notManaged.isEmpty()) {
                refused.add(FieldProblem.of("lineOfBusiness", "problem.report.line-not-managed", caller.userId(),
                        String.join(", ", notManaged), filter.lineOfBusiness()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ForbiddenException(refused.stream().map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")), refused);
        }
        return filter.within(scope.queues());
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            if (!format.equals("csv") && !format.equals("json")) {
                throw InvalidRequestException.of("format", "problem.common.json-or-csv");
            }
            return format.equals("csv");
        }
        return accept != null && accept.contains("text/csv");
    }

    private static Period period(String value) {
        try {
            return Period.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("period", "problem.report.period");
        }
    }

    private static String dimension(String by) {
        if (!ReportQueries.DIMENSIONS.containsKey(by)) {
            throw InvalidRequestException.of("by", "problem.common.one-of",
                    String.join(", ", ReportQueries.DIMENSIONS.keySet().stream().sorted().toList()));
        }
        return by;
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidRequestException.of(field, "problem.common.whole-number", String.valueOf(min), String.valueOf(max));
    }

    /** The lifecycle's activities by name (latest version), so that the steps report links a step to all of its activities. */
    private Map<String, List<String>> activityIdsByName() {
        ProcessDefinition latest = latestLifecycle();
        if (latest == null) {
            return Map.of();
        }
        return repository.getBpmnModelInstance(latest.getId()).getModelElementsByType(Activity.class).stream()
                .filter(activity -> activity.getName() != null)
                .collect(Collectors.groupingBy(Activity::getName, java.util.TreeMap::new,
                        Collectors.mapping(Activity::getId, Collectors.collectingAndThen(Collectors.toList(),
                                ids -> ids.stream().sorted().toList()))));
    }

    private ProcessDefinition latestLifecycle() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("ReferralLifecycleProcess")
                .latestVersion().singleResult();
    }

    /** Cockpit's page of the lifecycle's latest version: each step row links there with that step selected. */
    private String cockpitLink() {
        ProcessDefinition latest = latestLifecycle();
        return latest == null ? null
                : relay.publicUrl() + "/camunda/app/cockpit/default/#/process-definition/" + latest.getId() + "/runtime";
    }
}
