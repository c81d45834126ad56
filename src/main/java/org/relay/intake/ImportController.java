package org.relay.intake;

import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.security.Callers;
import org.relay.security.PiiMasking;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.relay.common.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** CSV import of purchased lists and campaign leads: upload, follow progress, download the error report. */
@RestController
class ImportController {

    record ImportView(Long id, String fileName, String source, String campaign, boolean dryRun, String status,
                      int totalRows, int processedRows, int importedRows, int duplicateRows, int failedRows,
                      int percent, Instant createdAt, Instant finishedAt, String errorReport) {

        static ImportView of(ImportJob job) {
            return new ImportView(job.getId(), job.getFileName(), job.getSourceChannel(), job.getCampaign(),
                    job.isDryRun(), job.getStatus().name(), job.getTotalRows(), job.getProcessedRows(),
                    job.getImportedRows(), job.getDuplicateRows(), job.getFailedRows(), job.percent(),
                    job.getCreatedAt(), job.getFinishedAt(), "/api/imports/" + job.getId() + "/errors.csv");
        }
    }

    private final ImportStaging staging;
    private final ImportJobRepository jobs;
    private final JdbcTemplate jdbc;

    private final Callers callers;
    private final AuditTrail audit;

    ImportController(ImportStaging staging, ImportJobRepository jobs, JdbcTemplate jdbc, Callers callers, AuditTrail audit) {
        this.callers = callers;
        this.audit = audit;
        this.staging = staging;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    /** Stages the file and starts the import; 202 with where to follow it. */
    @PostMapping("/api/imports")
    ResponseEntity<ImportView> upload(@RequestParam(required = false) MultipartFile file,
                                      @RequestParam(defaultValue = "CAMPAIGN") String source,
                                      @RequestParam(required = false) String campaign,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(required = false) String requestedBy,
                                      @RequestParam(required = false) String product,
                                      @RequestParam(required = false) String charset) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidRequestException.of("file", "problem.import.file-required");
        }
        String importer = callers.actingAs(requestedBy, "requestedBy");
        ImportJob job;
        try (InputStream in = file.getInputStream()) {
            job = staging.stage(in, file.getOriginalFilename(),
                    new ImportStaging.Options(source, campaign, dryRun, importer, product, charset));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(job.getId()).toUri())
                .body(ImportView.of(job));
    }

    @GetMapping("/api/imports/{id}")
    ImportView status(@PathVariable Long id) {
        return ImportView.of(jobs.require(id));
    }

    /** Every refused row: row number in the file (the header is row 1), column, and what is wrong. */
    @GetMapping("/api/imports/{id}/errors.csv")
    void errors(@PathVariable Long id, HttpServletResponse response) throws IOException {
        jobs.require(id);
        audit.write(AuditAction.EXPORTED, null, "import " + id + " refused rows", "errors.csv", null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("row", "field", "message").get())) {
            jdbc.query("select row_number, field, message from import_row_error where import_id = ? order by row_number, id",
                    rs -> {
                        try {
                            printer.printRecord(rs.getInt(1), rs.getString(2), PiiMasking.mask(rs.getString(3)));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, id);
        }
    }
}
