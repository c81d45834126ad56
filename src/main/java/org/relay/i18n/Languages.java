package org.relay.i18n;

import org.relay.common.InvalidRequestException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The supported languages and how a stated preference (a {@code ?lang=} value, a cookie, a stored setting, an
 * Accept-Language header) becomes one of them. Relay keeps languages as bare tags ("en", "fr", "de").
 */
@Component
public class Languages {

    private final I18nProperties properties;
    private final List<Locale> supported;

    Languages(I18nProperties properties) {
        this.properties = properties;
        this.supported = properties.supported().stream().map(Locale::forLanguageTag).toList();
    }

    public List<String> supportedTags() {
        return properties.supported();
    }

    public Locale defaultLocale() {
        return Locale.forLanguageTag(properties.defaultLanguage());
    }

    /** The supported language a tag names ("fr", "fr-CA", "FR"), if any. */
    public Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return supported.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /**
     * A language a request may leave out: empty when {@code tag} is null, the supported language it names, else a
     * 400 naming {@code field} with the languages Relay speaks.
     */
    public Optional<Locale> optional(String field, String tag) {
        Optional<Locale> language = supported(tag);
        if (tag != null && language.isEmpty()) {
            throw InvalidRequestException.of(field, "problem.language.one-of", String.join(", ", supportedTags()));
        }
        return language;
    }

    /** The best supported language of an Accept-Language header (by its weights), if it names any. */
    public Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                Optional<Locale> match = range.getRange().equals("*") ? Optional.empty() : supported(range.getRange());
                if (match.isPresent()) {
                    return match;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header no browser sends: the default language, as without one
        }
        return Optional.empty();
    }

    /** A stored tag as a supported language, or the default (a language since removed from the list included). */
    public Locale orDefault(String tag) {
        return supported(tag).orElse(defaultLocale());
    }

    /** The locale amounts and dates are written in for a language (relay.i18n.format-locales). */
    public Locale formatLocale(Locale language) {
        String configured = properties.formatLocales().get(language.getLanguage());
        return configured == null ? language : Locale.forLanguageTag(configured);
    }
}
