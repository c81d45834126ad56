package org.relay.dataprotection;

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
 * Keeps every consent text the web form has shown, by version, so what a customer agreed to stays provable after
 * the page changes. A changed text under an old version would rewrite that proof: Relay refuses to start then.
 */
@Component
public class ConsentTexts {

    private final JdbcTemplate jdbc;
    private final WebFormProperties webForm;
    private final Clock clock;

    ConsentTexts(JdbcTemplate jdbc, WebFormProperties webForm, Clock clock) {
        this.jdbc = jdbc;
        this.webForm = webForm;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerCurrent() {
        String version = webForm.consentVersion();
        List<String> stored = jdbc.queryForList("select text from consent_text where version = ?", String.class, version);
        if (stored.isEmpty()) {
            try {
                jdbc.update("insert into consent_text (version, text, first_shown_at) values (?, ?, ?)", version,
                        webForm.consentText(), Timestamp.from(clock.instant()));
                return;
            } catch (DuplicateKeyException anotherNodeFirst) {
                stored = jdbc.queryForList("select text from consent_text where version = ?", String.class, version);
            }
        }
        if (!stored.get(0).equals(webForm.consentText())) {
            throw new IllegalStateException("relay.web-form.consent-text differs from the text stored for consent version "
                    + version + ": give the new text a new relay.web-form.consent-version");
        }
    }

    public List<Map<String, Object>> all() {
        return jdbc.queryForList("select version, text, first_shown_at as \"firstShownAt\" from consent_text"
                + " order by first_shown_at");
    }
}
