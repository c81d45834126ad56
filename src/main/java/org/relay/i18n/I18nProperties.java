package org.relay.i18n;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The languages Relay speaks ({@code relay.i18n.*}).
 *
 * @param supported       language tags people may choose or be served in (each needs its bundle files)
 * @param defaultLanguage the language when nothing else decides: a request without Accept-Language, a user without a
 *                        setting, a referral from before languages were recorded
 * @param formatLocales   per language, the locale amounts and dates are written in (e.g. de: de-CH writes 450’000 USD);
 *                        a language without an entry writes them its own way
 */
@ConfigurationProperties("relay.i18n")
public record I18nProperties(List<String> supported, String defaultLanguage, Map<String, String> formatLocales) {

    public I18nProperties {
        supported = supported == null || supported.isEmpty() ? List.of("en", "fr", "de") : List.copyOf(supported);
        defaultLanguage = defaultLanguage == null || defaultLanguage.isBlank() ? supported.get(0) : defaultLanguage.trim();
        formatLocales = formatLocales == null ? Map.of() : Map.copyOf(formatLocales);
        if (!supported.contains(defaultLanguage)) {
            throw new IllegalStateException("relay.i18n.default-language " + defaultLanguage
                    + " is not one of relay.i18n.supported " + supported);
        }
    }
}
