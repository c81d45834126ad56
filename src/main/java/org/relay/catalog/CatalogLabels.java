package org.relay.catalog;

import org.relay.i18n.Languages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The catalog's labels in a language; codes never change. In the default language a label is the one configured in
 * relay.catalog.* (a bank renames a product there); in another it is the bundle's {@code catalog.<kind>.<CODE>}
 * (i18n/catalog_fr.properties …), else the configured label, so an entry a bank adds without translating it still
 * reads as configured.
 */
@Component
public class CatalogLabels {

    public enum Kind {
        RECORD_TYPE("record-type"), PRODUCT("product"), SOURCE_CHANNEL("source-channel"),
        REJECT_REASON("reject-reason"), CLOSE_REASON("close-reason"), LAWFUL_BASIS("lawful-basis");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final Catalog catalog;
    private final MessageSource messages;
    private final Languages languages;

    CatalogLabels(Catalog catalog, MessageSource messages, Languages languages) {
        this.catalog = catalog;
        this.messages = messages;
        this.languages = languages;
    }

    public List<CatalogEntry> translated(Kind kind, List<CatalogEntry> entries, Locale locale) {
        if (isDefault(locale)) {
            return entries;
        }
        return entries.stream().map(e -> new CatalogEntry(e.code(), translate(kind, e.code(), e.label(), locale))).toList();
    }

    /** The whole catalog, labels in the language ({@code GET /api/catalog}). */
    public Catalog translated(Locale locale) {
        if (isDefault(locale)) {
            return catalog;
        }
        return new Catalog(translated(Kind.RECORD_TYPE, catalog.recordTypes(), locale),
                translated(Kind.PRODUCT, catalog.products(), locale),
                translated(Kind.SOURCE_CHANNEL, catalog.sourceChannels(), locale),
                translated(Kind.REJECT_REASON, catalog.rejectReasons(), locale),
                translated(Kind.CLOSE_REASON, catalog.closeReasons(), locale), catalog.currencies(),
                translated(Kind.LAWFUL_BASIS, catalog.lawfulBases(), locale));
    }

    /** One code's label; the code itself when the catalog no longer lists it. */
    public String label(Kind kind, String code, Locale locale) {
        if (code == null) {
            return null;
        }
        String configured = Catalog.labelOf(entries(kind), code).orElse(code);
        return isDefault(locale) ? configured : translate(kind, code, configured, locale);
    }

    public String product(String code, Locale locale) {
        return label(Kind.PRODUCT, code, locale);
    }

    private String translate(Kind kind, String code, String configured, Locale locale) {
        return messages.getMessage("catalog." + kind.key + "." + code, null, configured, locale);
    }

    private boolean isDefault(Locale locale) {
        return locale == null || locale.getLanguage().equals(languages.defaultLocale().getLanguage());
    }

    private List<CatalogEntry> entries(Kind kind) {
        return switch (kind) {
            case RECORD_TYPE -> catalog.recordTypes();
            case PRODUCT -> catalog.products();
            case SOURCE_CHANNEL -> catalog.sourceChannels();
            case REJECT_REASON -> catalog.rejectReasons();
            case CLOSE_REASON -> catalog.closeReasons();
            case LAWFUL_BASIS -> catalog.lawfulBases();
        };
    }
}
