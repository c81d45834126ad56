package org.relay.i18n;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each colleague's own language, kept with Relay's recipient settings (column {@code recipient.language}): staff pages
 * and mails to them use it. Read on every staff request and for every mail, hence cached; a change on this node
 * clears its entry at once, other nodes see it within a minute.
 */
@Component
public class UserLanguages {

    private final JdbcTemplate jdbc;
    private final Languages languages;
    private final Cache<String, Optional<String>> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    UserLanguages(JdbcTemplate jdbc, Languages languages) {
        this.jdbc = jdbc;
        this.languages = languages;
    }

    /** The language the user chose, if they chose one still supported. */
    public Optional<Locale> chosen(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return cache.get(userId, id -> {
            List<String> stored = jdbc.queryForList("select language from recipient where user_id = ?", String.class, id);
            return stored.isEmpty() ? Optional.empty() : Optional.ofNullable(stored.get(0));
        }).flatMap(languages::supported);
    }

    /** The language Relay writes to the user in: their choice, else the configured default. */
    public Locale of(String userId) {
        return chosen(userId).orElse(languages.defaultLocale());
    }

    /**
     * Keeps the user's choice (null: none, the default applies). A colleague routing has no row for yet gets one
     * (the routing defaults: active, present, the default capacity); clearing a choice never creates one.
     */
    @Transactional
    public void choose(String userId, Locale language) {
        String tag = language == null ? null : language.getLanguage();
        if (jdbc.update("update recipient set language = ? where user_id = ?", tag, userId) == 0 && tag != null) {
            jdbc.update("insert into recipient (user_id, language) values (?, ?)", userId, tag);
        }
        cache.invalidate(userId);
    }
}
