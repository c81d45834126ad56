package org.relay.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.relay.catalog.Catalog;
import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.relay.common.KnownUsers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an uploaded CSV as a stream (byte-order mark, quoted fields, any of , ; tab | as delimiter, a chosen
 * encoding) and stages its rows in chunks of their own transactions, then starts the engine's import process that
 * turns them into leads batch by batch. Memory stays flat whatever the file's size.
 */
@Service
class ImportStaging {

    static final String PROCESS_KEY = "CsvImportProcess";
    private static final int CHUNK = 1000;
    private static final int MAX_ROW_JSON = 8000;

    record Options(String sourceChannel, String campaign, boolean dryRun, String requestedBy, String product,
                   String charset) {
    }

    private final ImportJobRepository jobs;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RuntimeService runtimeService;
    private final KnownUsers knownUsers;
    private final Catalog catalog;
    private final ObjectMapper json;
    private final Clock clock;

    ImportStaging(ImportJobRepository jobs, JdbcTemplate jdbc, TransactionTemplate transactions,
                  RuntimeService runtimeService, KnownUsers knownUsers, Catalog catalog, ObjectMapper json,
                  Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.runtimeService = runtimeService;
        this.knownUsers = knownUsers;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    ImportJob stage(InputStream upload, String fileName, Options options) throws IOException {
        String defaultProduct = check(options);
        BufferedInputStream in = new BufferedInputStream(upload);
        Charset charset = charsetOf(in, options.charset());
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
        char delimiter = delimiterOf(reader);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, String> mapping = ImportColumns.map(parser.getHeaderNames());
            Optional<String> missing = ImportColumns.missing(mapping, defaultProduct != null);
            if (missing.isPresent()) {
                throw new InvalidRequestException(List.of(new FieldProblem("file", missing.get())));
            }
            ImportJob job = transactions.execute(status -> jobs.save(new ImportJob(fileName, options.sourceChannel(),
                    blankToNull(options.campaign()), options.dryRun(), options.requestedBy(), clock.instant())));
            int rows;
            try {
                rows = stageRows(job.getId(), parser, mapping);
            } catch (UncheckedIOException | IllegalStateException malformed) {
                discard(job.getId());
                throw new InvalidRequestException(List.of(new FieldProblem("file", "is not a readable CSV file: "
                        + malformed.getMessage())));
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("importId", job.getId());
            variables.put("defaultProduct", defaultProduct);
            return transactions.execute(status -> {
                ImportJob staged = jobs.require(job.getId());
                staged.staged(rows);
                runtimeService.startProcessInstanceByKey(PROCESS_KEY, "IMPORT-" + job.getId(), variables);
                return staged;
            });
        }
    }

    private int stageRows(Long importId, CSVParser parser, Map<String, String> mapping) {
        List<Object[]> chunk = new ArrayList<>(CHUNK);
        int rowNumber = 1; // the header is row 1
        for (CSVRecord record : parser) {
            rowNumber++;
            Map<String, String> data = new LinkedHashMap<>();
            mapping.forEach((field, header) -> {
                if (record.isSet(header)) {
                    data.put(field, record.get(header));
                }
            });
            chunk.add(new Object[]{importId, rowNumber, toJson(data)});
            if (chunk.size() == CHUNK) {
                insert(chunk);
                chunk.clear();
            }
        }
        insert(chunk);
        return rowNumber - 1;
    }

    private void insert(List<Object[]> chunk) {
        if (!chunk.isEmpty()) {
            List<Object[]> rows = List.copyOf(chunk);
            transactions.executeWithoutResult(status ->
                    jdbc.batchUpdate("insert into import_row (import_id, row_number, data) values (?, ?, ?)", rows));
        }
    }

    private void discard(Long importId) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from import_row where import_id = ?", importId);
            jdbc.update("delete from import_job where id = ?", importId);
        });
    }

    private String check(Options options) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Catalog.contains(catalog.sourceChannels(), options.sourceChannel())) {
            problems.add(new FieldProblem("source", "must be one of " + String.join(", ",
                    catalog.sourceChannels().stream().map(e -> e.code()).toList())));
        }
        if (!knownUsers.exists(options.requestedBy())) {
            problems.add(knownUsers.problem(options.requestedBy(), "requestedBy"));
        }
        String product = null;
        if (options.product() != null && !options.product().isBlank()) {
            product = ImportRowMapper.code(catalog.products(), options.product()).orElse(null);
            if (product == null) {
                problems.add(new FieldProblem("product", "unknown product " + options.product()));
            }
        }
        if (options.charset() != null && !options.charset().isBlank() && !isKnownCharset(options.charset())) {
            problems.add(new FieldProblem("charset", "unknown character set " + options.charset()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return product;
    }

    /** Charset.isSupported throws for names that are not even legal ("x y", "<script>"): those are unknown too. */
    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name.trim());
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    /** A byte-order mark wins (and is skipped); otherwise the requested charset, else UTF-8. */
    private static Charset charsetOf(BufferedInputStream in, String requested) throws IOException {
        in.mark(4);
        int b1 = in.read(), b2 = in.read(), b3 = in.read();
        if (b1 == 0xEF && b2 == 0xBB && b3 == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        in.reset();
        if (b1 == 0xFF && b2 == 0xFE) {
            in.skip(2);
            return StandardCharsets.UTF_16LE;
        }
        if (b1 == 0xFE && b2 == 0xFF) {
            in.skip(2);
            return StandardCharsets.UTF_16BE;
        }
        return requested == null || requested.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(requested);
    }

    /** The most frequent of , ; tab | in the header line. */
    private static char delimiterOf(BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        String header = reader.readLine();
        reader.reset();
        if (header == null) {
            throw new InvalidRequestException(List.of(new FieldProblem("file", "is empty")));
        }
        char best = ',';
        long bestCount = -1;
        for (char candidate : new char[]{',', ';', '\t', '|'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private String toJson(Map<String, String> data) {
        try {
            String text = json.writeValueAsString(data);
            return text.length() <= MAX_ROW_JSON ? text : "{\"_tooLong\":\"true\"}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
