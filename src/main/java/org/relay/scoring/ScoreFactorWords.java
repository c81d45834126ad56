package org.relay.scoring;

import org.relay.catalog.CatalogLabels;
import org.relay.i18n.StoredWords;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lead score's factors in the reader's language. A referral keeps them as feature codes with their points
 * ({@code kind=REFERRAL +10, phone=missing −6}, see {@link LeadScore.Factor}); the words come from
 * {@code score.factor.<group>.<value>}, or {@code score.factor.<group>} around a catalog label. Factors stored in
 * English before codes were kept do not match and show as they were.
 */
@Component
class ScoreFactorWords implements StoredWords {

    private static final Pattern FACTOR = Pattern.compile("([A-Za-z]+)=(\\S+) ([+−]\\d+)");

    private final MessageSource messages;
    private final CatalogLabels labels;

    ScoreFactorWords(MessageSource messages, CatalogLabels labels) {
        this.messages = messages;
        this.labels = labels;
    }

    @Override
    public Optional<String> word(String stored, Locale language) {
        List<String> worded = new ArrayList<>();
        for (String factor : stored.split(", ")) {
            Matcher m = FACTOR.matcher(factor);
            if (!m.matches()) {
                return Optional.empty();
            }
            worded.add(label(m.group(1), m.group(2), language) + " " + m.group(3));
        }
        return Optional.of(String.join(", ", worded));
    }

    private String label(String group, String value, Locale language) {
        String fixed = messages.getMessage("score.factor." + group + "." + value, null, null, language);
        if (fixed != null) {
            return fixed;
        }
        CatalogLabels.Kind kind = switch (group) {
            case "recordType" -> CatalogLabels.Kind.RECORD_TYPE;
            case "product" -> CatalogLabels.Kind.PRODUCT;
            case "source" -> CatalogLabels.Kind.SOURCE_CHANNEL;
            default -> null;
        };
        String shown = kind == null ? value : labels.label(kind, value, language);
        return messages.getMessage("score.factor." + group, new Object[] {shown}, group + " " + shown, language);
    }
}
