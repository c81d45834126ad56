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
import org.springframework.beans.factory.annotation.Value;
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
import java.util.Locale;
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
    /** Limits of a plausible header line (README, CSV import): a file past them is not a list of leads. */
    static final int MAX_HEADER_CHARS = 8 * 1024;
    static final int MAX_COLUMNS = 200;
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
    private final ImportDigestWindow digestWindow;
    private final int lanes;

    ImportStaging(ImportJobRepository jobs, JdbcTemplate jdbc, TransactionTemplate transactions,
                  RuntimeService runtimeService, KnownUsers knownUsers, Catalog catalog, ObjectMapper json,
                  Clock clock, ImportDigestWindow digestWindow, @Value("${relay.imports.lanes:2}") int lanes) {
        if (lanes < 1 || lanes > 16) {
            throw new IllegalStateException("relay.imports.lanes must be between 1 and 16, not " + lanes);
        }
        this.lanes = lanes;
        this.digestWindow = digestWindow;
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
            } catch (BinaryContent binary) {
                discard(job.getId());
                throw InvalidRequestException.of("file", "problem.import.binary-at-row", String.valueOf(binary.rowNumber));
            } catch (UncheckedIOException | IllegalStateException malformed) {
                discard(job.getId());
                throw InvalidRequestException.of("file", "problem.import.unreadable", malformed.getMessage());
            }
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("importId", job.getId());
            variables.put("defaultProduct", defaultProduct);
            variables.put("lanes", lanes);
            return transactions.execute(status -> {
                ImportJob staged = jobs.require(job.getId());
                staged.staged(rows, lanes);
                // decided once per import, so switching the setting never strands a running import's leads
                staged.announceInDigests(digestWindow.enabled() && !staged.isDryRun());
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
            if (data.values().stream().anyMatch(ImportStaging::isBinary)) {
                throw new BinaryContent(rowNumber);
            }
            chunk.add(new Object[]{importId, rowNumber, toJson(data), laneOf(data, rowNumber)});
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
                    jdbc.batchUpdate("insert into import_row (import_id, row_number, data, lane) values (?, ?, ?, ?)", rows));
        }
    }

    /**
     * The lane a row is imported in, by its customer (email, else phone, else name): one customer's rows go through
     * one lane in file order, so a repeated row is seen as a duplicate and a second interest finds the first.
     */
    private int laneOf(Map<String, String> data, int rowNumber) {
        String email = data.getOrDefault(ImportColumns.EMAIL, "").trim().toLowerCase(Locale.ROOT);
        String phone = data.getOrDefault(ImportColumns.PHONE, "").replaceAll("[^0-9]", "");
        String name = data.getOrDefault(ImportColumns.NAME, "").trim().toLowerCase(Locale.ROOT);
        String customer = !email.isEmpty() ? email : !phone.isEmpty() ? phone : !name.isEmpty() ? name : "row " + rowNumber;
        return Math.floorMod(customer.hashCode(), lanes);
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
            problems.add(FieldProblem.of("source", "problem.common.one-of", String.join(", ",
                    catalog.sourceChannels().stream().map(e -> e.code()).toList())));
        }
        if (!knownUsers.exists(options.requestedBy())) {
            problems.add(knownUsers.problem(options.requestedBy(), "requestedBy"));
        }
        String product = null;
        if (options.product() != null && !options.product().isBlank()) {
            product = ImportRowMapper.code(catalog.products(), options.product()).orElse(null);
            if (product == null) {
                problems.add(FieldProblem.of("product", "problem.import.unknown-product", options.product()));
            }
        }
        if (options.charset() != null && !options.charset().isBlank() && !isKnownCharset(options.charset())) {
            problems.add(FieldProblem.of("charset", "problem.import.unknown-charset", options.charset()));
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

    /**
     * The most frequent of , ; tab | in the header line, once the header is known to be one: a line of text within
     * {@link #MAX_HEADER_CHARS} characters and {@link #MAX_COLUMNS} columns. Binary files and absurd headers are
     * refused before the CSV parser sees them (it would hold the whole line, and the reader's mark cannot be reset
     * past its read-ahead limit).
     */
    private static char delimiterOf(BufferedReader reader) throws IOException {
        reader.mark(MAX_HEADER_CHARS + 2);
        StringBuilder header = new StringBuilder();
        int c = reader.read();
        if (c == -1) {
            throw InvalidRequestException.of("file", "problem.import.empty");
        }
        while (c != -1 && c != '\n' && c != '\r') {
            if (header.length() == MAX_HEADER_CHARS) {
                throw InvalidRequestException.of("file", "problem.import.header-too-long", String.valueOf(MAX_HEADER_CHARS));
            }
            if (isBinary((char) c) || c == '\uFFFD') {
                // a header is plain text in any character set: an undecodable byte there means binary content
                throw InvalidRequestException.of("file", "problem.import.binary");
            }
            header.append((char) c);
            c = reader.read();
        }
        reader.reset();
        char best = ',';
        long bestCount = -1;
        for (char candidate : new char[]{',', ';', '\t', '|'}) {
            long count = header.chars().filter(ch -> ch == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        if (bestCount + 1 > MAX_COLUMNS) {
            throw InvalidRequestException.of("file", "problem.import.too-many-columns", String.valueOf(bestCount + 1),
                    String.valueOf(MAX_COLUMNS));
        }
        return best;
    }

    /**
     * NUL and the other C0 control characters (tab and line ends excepted) are in no text file (C1 controls are: a
     * Windows-1252 file read as ISO-8859-1 has them).
     */
    private static boolean isBinary(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static boolean isBinary(String value) {
        return value.chars().anyMatch(c -> isBinary((char) c));
    }


    /** A row with binary content: the staging stops and the whole file is refused. */
    private static final class BinaryContent extends RuntimeException {
        final int rowNumber;

        BinaryContent(int rowNumber) {
            super(null, null, false, false);
            this.rowNumber = rowNumber;
        }
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
