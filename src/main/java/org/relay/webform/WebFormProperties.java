package org.relay.webform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The public web-to-lead page ({@code relay.web-form.*}).
 *
 * @param brandName       shown as the page title
 * @param accentColor     CSS colour of the heading and button (#rgb to #rrggbbaa only: it is written into the page's CSS)
 * @param intro           text above the form
 * @param products        product codes offered (a subset of relay.catalog.products); empty = all
 * @param consentText     what the customer agrees to (stored with the lead)
 * @param consentVersion  the text's version: give a changed text a new version (Relay refuses to start otherwise)
 * @param perIpPerMinute  submissions one address may make per minute
 * @param globalPerMinute submissions all addresses together may make per minute
 * @param maxBodyBytes    larger submissions are refused with 413
 * @param privacyUrl      the bank's privacy notice, linked under the consent (http(s) or a path; none when unset)
 * @param languages       per language other than the default ({@code fr}, {@code de}): its intro and consent text
 *                        with their own version; intro and consent above are the default language's
 */
@ConfigurationProperties("relay.web-form")
public record WebFormProperties(String brandName, String accentColor, String intro, List<String> products,
                                String consentText, Integer perIpPerMinute, Integer globalPerMinute,
                                Integer maxBodyBytes, String consentVersion, String privacyUrl,
                                Map<String, InLanguage> languages) {

    /** The page's texts in one more language; a consent text there is versioned on its own. */
    public record InLanguage(String intro, String consentText, String consentVersion) {
    }

    /** A consent text as the customer read it: its language and version. */
    public record Consent(String language, String version, String text) {
    }

    public WebFormProperties {
        brandName = brandName == null ? "Relay Bank" : brandName;
        accentColor = accentColor == null || !accentColor.matches("#[0-9a-fA-F]{3,8}") ? "#1f4e79" : accentColor;
        intro = intro == null ? "Tell us what you need and the right specialist will get in touch." : intro;
        products = products == null ? List.of() : List.copyOf(products);
        consentText = consentText == null
                ? "I agree that the bank may contact me about this request and store my details for that purpose."
                : consentText;
        perIpPerMinute = perIpPerMinute == null ? 5 : perIpPerMinute;
        globalPerMinute = globalPerMinute == null ? 300 : globalPerMinute;
        maxBodyBytes = maxBodyBytes == null ? 16 * 1024 : maxBodyBytes;
        consentVersion = consentVersion == null || consentVersion.isBlank() ? "1" : consentVersion.trim();
        languages = languages == null ? Map.of() : Map.copyOf(languages);
        privacyUrl = privacyUrl == null || !privacyUrl.trim().matches("(https?://|/)[^\\s\"'<>]+") ? null : privacyUrl.trim();
    }

    /** The intro in a language: its own, else the default language's. */
    public String intro(String language) {
        InLanguage own = languages.get(language);
        return own != null && own.intro() != null && !own.intro().isBlank() ? own.intro() : intro;
    }

    /**
     * The consent text shown in a language: its own with its version, else the default language's (and it is then
     * that language the customer agreed in).
     */
    public Consent consent(String language, String defaultLanguage) {
        InLanguage own = language.equals(defaultLanguage) ? null : languages.get(language);
        if (own == null || own.consentText() == null || own.consentText().isBlank()) {
            return new Consent(defaultLanguage, consentVersion, consentText);
        }
        String version = own.consentVersion() == null || own.consentVersion().isBlank()
                ? consentVersion : own.consentVersion().trim();
        return new Consent(language, version, own.consentText().trim());
    }
}
