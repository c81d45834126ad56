package org.relay.webapplocale;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Relay's own texts in the webapps (bundle i18n/webapps): every key of the English file, worded for a language through
 * Spring's MessageSource. Read without arguments, so a text is exactly as written (an apostrophe stays one) and its
 * placeholders ({@code {name}}) are filled by the script or form that shows it.
 */
@Component
public class RelayWebappTexts {

    public static final String BUNDLE = "i18n/webapps";

    private final MessageSource messages;
    private final Set<String> keys;

    RelayWebappTexts(MessageSource messages) {
        this.messages = messages;
        this.keys = keysOf(BUNDLE + ".properties");
    }

    /** Every Relay key with its text in the language, in key order. */
    public Map<String, String> all(Locale language) {
        Map<String, String> texts = new LinkedHashMap<>();
        keys.forEach(key -> texts.put(key, messages.getMessage(key, null, language)));
        return texts;
    }

    /** The text of a key, if Relay has one (task and filter names are translated only where a key exists). */
    public Optional<String> text(String key, Locale language) {
        return keys.contains(key) ? Optional.of(messages.getMessage(key, null, language)) : Optional.empty();
    }

    static Set<String> keysOf(String classpathFile) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(classpathFile).getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathFile, e);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
