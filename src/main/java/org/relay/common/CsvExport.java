package org.relay.common;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows as CSV for a spreadsheet (RFC 4180, header row = the columns) — reports, the referral export, the audit
 * trail; a cell starting with =, +, - or @ is quoted with a ' so spreadsheets do not run it.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static String write(List<String> columns, List<Map<String, Object>> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map<String, Object> row : rows) {
                List<Object> cells = new ArrayList<>();
                for (String column : columns) {
                    cells.add(cell(row.get(column)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object cell(Object value) {
        if (value instanceof String s && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return value;
    }
}
