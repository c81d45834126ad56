package org.relay.intake;

import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogEntry;
import org.relay.common.FieldProblem;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferrerType;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns one staged CSV row into a lead request; values it cannot read become row errors naming the column. */
@Component
class ImportRowMapper {

    record Mapped(CreateReferralRequest request, List<FieldProblem> problems) {
    }

    private final Catalog catalog;

    ImportRowMapper(Catalog catalog) {
        this.catalog = catalog;
    }

    Mapped map(Map<String, String> row, ImportJob job, String defaultProduct) {
        List<FieldProblem> problems = new ArrayList<>();
        String product = value(row, ImportColumns.PRODUCT);
        String productCode = product == null ? defaultProduct : code(catalog.products(), product).orElse(null);
        if (product != null && productCode == null) {
            problems.add(FieldProblem.of("product", "problem.import.row.unknown-product", product));
        }
        String recordType = value(row, "recordType");
        String recordTypeCode = recordType == null ? "GENERAL" : code(catalog.recordTypes(), recordType).orElse(null);
        if (recordTypeCode == null) {
            problems.add(FieldProblem.of("recordType", "problem.import.row.unknown-record-type", recordType));
        }
        CustomerType customerType = CustomerType.PERSON;
        String type = value(row, "customerType");
        if (type != null) {
            String t = type.toUpperCase(Locale.ROOT);
            if (t.startsWith("BUS") || t.startsWith("COMP")) {
                customerType = CustomerType.BUSINESS;
            } else if (!t.startsWith("PER") && !t.startsWith("IND")) {
                problems.add(FieldProblem.of("customerType", "problem.import.row.customer-type", type));
            }
        }
        CreateReferralRequest.InterestValue value = null;
        String amount = value(row, "amount");
        if (amount != null) {
            Optional<BigDecimal> parsed = amount(amount);
            if (parsed.isEmpty()) {
                problems.add(FieldProblem.of("amount", "problem.import.row.amount", amount));
            } else {
                String currency = value(row, "currency");
                value = new CreateReferralRequest.InterestValue(parsed.get(),
                        currency == null ? "USD" : currency.toUpperCase(Locale.ROOT));
            }
        }
        String origin = job.getCampaign() != null ? job.getCampaign() : job.getFileName();
        // a row naming an advocate is that advocate's referral (intake checks the code and takes their name);
        // any other row is a lead from the upload's source
        String advocateCode = value(row, "advocateCode");
        CreateReferralRequest.ReferrerData referrer = advocateCode != null
                ? new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, advocateCode, null)
                : new CreateReferralRequest.ReferrerData(ReferrerType.PARTNER, null, origin == null ? "CSV import" : origin);
        CreateReferralRequest request = new CreateReferralRequest(
                advocateCode != null ? ReferralKind.REFERRAL : ReferralKind.LEAD, recordTypeCode,
                new CreateReferralRequest.CustomerData(customerType, value(row, ImportColumns.NAME), null,
                        value(row, ImportColumns.PHONE), value(row, ImportColumns.EMAIL), value(row, "city"),
                        value(row, "region"), value(row, "existingCustomerId"), value(row, "contactName")),
                productCode, value, job.getSourceChannel(), referrer,
                // the row's own campaign column wins over the upload's campaign, which is the default for rows without one
                value(row, "notes"), value(row, "campaign") != null ? value(row, "campaign") : job.getCampaign());
        return new Mapped(request, problems);
    }

    /** A catalog code from its code or its label, any case. */
    static Optional<String> code(List<CatalogEntry> entries, String given) {
        String wanted = given.trim();
        return entries.stream()
                .filter(e -> e.code().equalsIgnoreCase(wanted) || e.label().equalsIgnoreCase(wanted))
                .map(CatalogEntry::code).findFirst();
    }

    /** "450000", "450,000.00", "$450,000", "450000,50" (decimal comma). */
    static Optional<BigDecimal> amount(String text) {
        String cleaned = text.replaceAll("[\\s$€£]", "");
        if (cleaned.contains(",") && cleaned.contains(".")) {
            cleaned = cleaned.replace(",", "");
        } else if (cleaned.matches(".*,\\d{1,2}$")) {
            cleaned = cleaned.replace(",", ".");
        } else {
            cleaned = cleaned.replace(",", "");
        }
        try {
            return Optional.of(new BigDecimal(cleaned));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String value(Map<String, String> row, String field) {
        String value = row.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
