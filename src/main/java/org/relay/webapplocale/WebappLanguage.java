package org.relay.webapplocale;

import java.util.List;
import java.util.Locale;

/**
 * The languages Relay offers in Camunda's webapps, and how a webapp request's language is told. Camunda's webapps take
 * the browser's first language when it is offered and English otherwise (they ignore the rest of the list); a request
 * from them is answered in the same language, so the chrome, Relay's texts and the task names never disagree.
 */
public final class WebappLanguage {

    /** As in each app's config.js ({@code locales.availableLocales}); English is the fallback. */
    public static final List<String> OFFERED = List.of("en", "de", "fr");
    public static final String FALLBACK = "en";

    private WebappLanguage() {
    }

    public static boolean offered(String language) {
        return OFFERED.contains(language);
    }

    /** The webapps' rule applied to an Accept-Language header: its first tag's language if offered, else English. */
    public static Locale ofAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Locale.forLanguageTag(FALLBACK);
        }
        String first = header.split(",")[0].split(";")[0].trim();
        String language = first.split("-")[0].toLowerCase(Locale.ROOT);
        return Locale.forLanguageTag(offered(language) ? language : FALLBACK);
    }
}
