package org.relay.dataprotection;

import org.relay.i18n.Languages;
import org.relay.webform.WebFormProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Keeps every consent text the web form has shown, by version and language, so what a customer agreed to stays provable after
 * the page changes. A changed text under an old version would rewrite that proof: Relay refuses to start then.
 */
@Component
public class ConsentTexts {

    private final JdbcTemplate jdbc;
    private final WebFormProperties webForm;
    private final Clock clock;
    private final Languages languages;

    ConsentTexts(JdbcTemplate jdbc, WebFormProperties webForm, Clock clock, Languages languages) {
        this.languages = languages;
        this.jdbc = jdbc;
        this.webForm = webForm;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerCurrent() {
        String defaultLanguage = languages.defaultLocale().getLanguage();
        for (String language : languages.supportedTags()) {
            register(webForm.consent(language, defaultLanguage));
        }
    }

    private void register(WebFormProperties.Consent consent) {
        String sql = "select text from consent_text where version = ? and language = ?";
        List<String> stored = jdbc.queryForList(sql, String.class, consent.version(), consent.language());
        if (stored.isEmpty()) {
            try {
                jdbc.update("insert into consent_text (version, language, text, first_shown_at) values (?, ?, ?, ?)",
                        consent.version(), consent.language(), consent.text(), Timestamp.from(clock.instant()));
                return;
            } catch (DuplicateKeyException anotherNodeFirst) {
                stored = jdbc.queryForList(sql, String.class, consent.version(), consent.language());
            }
        }
        if (!stored.get(0).equals(consent.text())) {
            throw new IllegalStateException("The consent text in " + consent.language() + " differs from the text stored"
                    + " for consent version " + consent.version() + ": give the new text a new version"
                    + " (relay.web-form.consent-version, or relay.web-form.languages." + consent.language()
                    + ".consent-version)");
        }
    }

    public List<Map<String, Object>> all() {
        return jdbc.queryForList("select version, language, text, first_shown_at as \"firstShownAt\" from consent_text"
                + " order by first_shown_at, language");
    }
}
