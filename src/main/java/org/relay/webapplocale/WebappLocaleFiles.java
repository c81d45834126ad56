package org.relay.webapplocale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The locale file each Camunda webapp loads ({@code /camunda/app/<app>/locales/<lang>.json}), built once per app and
 * language from three sources: Camunda's English file as the skeleton; the language's own chrome — Camunda's file for
 * de, Relay's {@code webapp-locales/<app>/fr.json} for fr — wherever it has the key (a missing key keeps the English
 * text and is logged once, when the file is built); and Relay's texts (bundle i18n/webapps) added to {@code labels},
 * where Relay's forms, scripts and plugins read them through the webapp's own translator.
 */
@Component
public class WebappLocaleFiles {

    public static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");

    private static final Logger log = LoggerFactory.getLogger(WebappLocaleFiles.class);

    private final ObjectMapper json = new ObjectMapper();
    private final RelayWebappTexts relayTexts;
    private final Map<String, LocaleFile> built = new ConcurrentHashMap<>();

    WebappLocaleFiles(RelayWebappTexts relayTexts) {
        this.relayTexts = relayTexts;
    }

    /** The file's bytes and a tag that changes with them; empty for an app or language the webapps do not offer. */
    public Optional<LocaleFile> file(String app, String language) {
        if (!APPS.contains(app) || !WebappLanguage.offered(language)) {
            return Optional.empty();
        }
        return Optional.of(built.computeIfAbsent(app + "/" + language, key -> build(app, language)));
    }

    /** Where the chrome of a language comes from: Camunda ships en and de, Relay adds fr. */
    public static String chromeSource(String app, String language) {
        return "fr".equals(language)
                ? "webapp-locales/" + app + "/fr.json"
                : "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
    }

    private LocaleFile build(String app, String language) {
        JsonNode english = read(chromeSource(app, "en"))
                .orElseThrow(() -> new IllegalStateException("Camunda's " + app + " en.json is not on the classpath"));
        JsonNode chrome = read(chromeSource(app, language)).orElseGet(json::createObjectNode);
        List<String> missing = new ArrayList<>();
        ObjectNode merged = (ObjectNode) overlay(english, chrome, "", missing);
        if (!missing.isEmpty()) {
            log.warn("Webapp locale {} {}: {} key(s) missing from {}, shown in English: {}", app, language,
                    missing.size(), chromeSource(app, language), abbreviated(missing));
        }
        ObjectNode labels = merged.with("labels");
        relayTexts.all(Locale.forLanguageTag(language)).forEach(labels::put);
        try {
            byte[] bytes = json.writeValueAsBytes(merged);
            return new LocaleFile(bytes, "\"" + DigestUtils.md5DigestAsHex(bytes) + "\"", List.copyOf(missing));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The English tree with each leaf taken from the translation where it has one of the same kind. */
    private JsonNode overlay(JsonNode english, JsonNode translation, String path, List<String> missing) {
        if (!english.isObject()) {
            boolean usable = translation != null && !translation.isMissingNode() && !translation.isNull()
                    && translation.getNodeType() == english.getNodeType();
            if (!usable) {
                missing.add(path);
            }
            return usable ? translation : english;
        }
        ObjectNode result = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = english.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode translated = translation == null ? null : translation.get(field.getKey());
            String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            result.set(field.getKey(), overlay(field.getValue(), translated, childPath, missing));
        }
        return result;
    }

    private Optional<JsonNode> read(String classpathFile) {
        ClassPathResource resource = new ClassPathResource(classpathFile);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(json.readTree(in));   // Camunda's files start with a byte-order mark: Jackson skips it
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathFile, e);
        }
    }

    private static String abbreviated(List<String> keys) {
        return keys.size() <= 10 ? keys.toString() : keys.subList(0, 10) + " …";
    }

    /** A built locale file: the JSON, its entity tag, and the chrome keys its language lacks (shown in English). */
    public record LocaleFile(byte[] bytes, String etag, List<String> missingChromeKeys) {
    }
}
