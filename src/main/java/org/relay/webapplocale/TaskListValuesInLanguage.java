package org.relay.webapplocale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values Relay writes onto its review and work tasks (tasklist/ShowInTaskList: the product after the customer in
 * the task's name, and the list columns' interest, value and last activity) as the viewer reads them. They are
 * written once, in English, when the task is created; a French or German viewer gets the catalog's label in their
 * language (bundle key {@code catalog.product.<CODE>}, the configured label where the bundle has none), "none yet" and
 * the activity type from i18n/webapps, and amounts and dates written as their language writes them.
 */
@Component
class TaskListValuesInLanguage {

    /** ShowInTaskList's last-activity line: "Call, 3 Dec 14:05 UTC: Discussed rates" (ActivityLog.lastActivityLine). */
    private static final Pattern ACTIVITY_LINE = Pattern.compile("([A-Z][a-z_]+), (\\d{1,2} \\w{3} \\d{2}:\\d{2}) UTC: (.*)",
            Pattern.DOTALL);
    private static final DateTimeFormatter ACTIVITY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    /** Money.format's shape: "USD 450,000.5". */
    private static final Pattern AMOUNT = Pattern.compile("([A-Z]{3}) ([0-9,]+(\\.[0-9]+)?)");
    private static final String NONE_YET = "none yet";

    private final Catalog catalog;
    private final MessageSource messages;
    private final RelayWebappTexts texts;

    TaskListValuesInLanguage(Catalog catalog, MessageSource messages, RelayWebappTexts texts) {
        this.catalog = catalog;
        this.messages = messages;
        this.texts = texts;
    }

    /** The part of a task's name after its stable name (": Kiara Thompson, Mortgage"), in the language. */
    String nameSuffix(String suffix, Locale language) {
        String separator = texts.text("webapps.task.nameSeparator", language).orElse(": ");
        String translated = suffix.startsWith(": ") ? separator + suffix.substring(2) : suffix;
        for (CatalogEntry product : catalog.products()) {
            if (translated.endsWith(", " + product.label())) {
                return translated.substring(0, translated.length() - product.label().length()) + productLabel(product, language);
            }
        }
        return translated;
    }

    /** A task variable of Relay's list columns (HAL's embedded variables: name, value, type), its value translated. */
    void translateColumn(ObjectNode variable, Locale language) {
        String value = variable.path("value").asText(null);
        if (value == null || !variable.path("value").isTextual()) {
            return;
        }
        switch (variable.path("name").asText()) {
            case "listInterest" -> catalog.products().stream().filter(p -> p.label().equals(value)).findFirst()
                    .ifPresent(product -> variable.put("value", productLabel(product, language)));
            case "listValue" -> amount(value, language).ifPresent(text -> variable.put("value", text));
            case "listLastActivity" -> lastActivity(value, language).ifPresent(text -> variable.put("value", text));
            default -> {
            }
        }
    }

    private String productLabel(CatalogEntry product, Locale language) {
        return messages.getMessage("catalog.product." + product.code(), null, product.label(), language);
    }

    private Optional<String> amount(String value, Locale language) {
        Matcher amount = AMOUNT.matcher(value);
        if (!amount.matches()) {
            return Optional.empty();
        }
        NumberFormat format = NumberFormat.getNumberInstance(language);
        format.setMaximumFractionDigits(2);
        // "450 000 USD", "450.000 USD": the code after the amount, as French and German write it
        return Optional.of(format.format(new BigDecimal(amount.group(2).replace(",", ""))) + "\u00a0" + amount.group(1));
    }

    private Optional<String> lastActivity(String value, Locale language) {
        if (NONE_YET.equals(value)) {
            return texts.text("webapps.tasklist.column.noneYet", language);
        }
        Matcher line = ACTIVITY_LINE.matcher(value);
        if (!line.matches()) {
            return Optional.empty();
        }
        String type = line.group(1).toUpperCase(Locale.ROOT);
        try {
            TemporalAccessor when = ACTIVITY_TIME.parse(line.group(2));
            String at = DateTimeFormatter.ofPattern("d MMM HH:mm", language).format(when);
            return Optional.of(texts.text("webapps.form.work.activityType." + type, language).orElse(line.group(1)) + ", "
                    + at + " UTC" + texts.text("webapps.task.nameSeparator", language).orElse(": ") + line.group(3));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
