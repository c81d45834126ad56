package org.relay.webapplocale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps' locale files come from Relay: served before sign-in in place of the webjar's, cached with a tag, with
 * Relay's texts merged in; and every key exists in every language, Camunda's and Relay's.
 */
class WebappLocaleFilesTest extends RelayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    WebappLocaleFiles files;
    @Autowired
    org.relay.i18n.I18nProperties languages;

    private final HttpClient anonymous = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void served_by_relay_before_sign_in_with_camundas_chrome_and_relays_texts() throws Exception {
        HttpResponse<String> german = get("/camunda/app/tasklist/locales/de.json");

        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(german.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode labels = json.readTree(german.body()).get("labels");
        assertThat(labels.get("START_PROCESS").asText()).isEqualTo("Prozess starten");                 // Camunda's German
        assertThat(labels.get("webapps.form.newReferral.currency").asText()).isEqualTo("Währung");      // Relay's German
        assertThat(json.readTree(german.body()).get("dateLocales").get("months").get(2).asText()).isEqualTo("März");

        JsonNode french = json.readTree(get("/camunda/app/cockpit/locales/fr.json").body());
        assertThat(french.get("labels").get("webapps.form.newReferral.intro").asText()).startsWith("Votre client a besoin");

        JsonNode english = json.readTree(get("/camunda/app/welcome/locales/en.json").body());
        assertThat(english.get("labels").get("APPLICATIONS").asText()).isEqualTo("Applications");
        assertThat(english.get("labels").get("webapps.form.common.city").asText()).isEqualTo("City");
    }

    @Test
    void cached_five_minutes_then_revalidated_by_its_tag() throws Exception {
        HttpResponse<String> first = get("/camunda/app/admin/locales/fr.json");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("max-age=300").contains("public"));

        HttpResponse<String> again = anonymous.send(HttpRequest.newBuilder(uri("/camunda/app/admin/locales/fr.json"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void a_language_or_app_relay_does_not_offer_is_a_404_problem() throws Exception {
        for (String path : new String[]{"/camunda/app/tasklist/locales/es.json", "/camunda/app/nowhere/locales/fr.json"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).get("detail").asText()).contains("[en, de, fr]");
        }
    }

    @Test
    void every_app_offers_english_german_and_french_in_its_config() throws Exception {
        for (String app : WebappLocaleFiles.APPS) {
            HttpResponse<String> config = get("/camunda/app/" + app + "/scripts/config.js");
            assertThat(config.statusCode()).as(app).isEqualTo(200);
            assertThat(config.body()).as(app).contains("availableLocales: ['en', 'de', 'fr']").contains("fallbackLocale: 'en'");
        }
        // one set of languages: what the webapps offer is what Relay's own pages and mails speak (relay.i18n.supported)
        assertThat(WebappLanguage.OFFERED).containsExactlyInAnyOrderElementsOf(languages.supported());
    }

    /** Nothing of Camunda's chrome falls back to English: every key of its en.json is in each language's file. */
    @Test
    void every_camunda_key_exists_in_each_language() {
        for (String app : WebappLocaleFiles.APPS) {
            for (String language : new String[]{"de", "fr"}) {
                assertThat(new ClassPathResource(WebappLocaleFiles.chromeSource(app, language)).exists())
                        .as(WebappLocaleFiles.chromeSource(app, language)).isTrue();
                assertThat(files.file(app, language).orElseThrow().missingChromeKeys())
                        .as("keys of %s en.json missing from %s", app, WebappLocaleFiles.chromeSource(app, language))
                        .isEmpty();
            }
        }
    }

    @Test
    void every_relay_webapps_key_exists_in_english_french_and_german() throws Exception {
        Properties english = bundle("");
        assertThat(english).isNotEmpty();
        for (String suffix : new String[]{"_fr", "_de"}) {
            Properties translation = bundle(suffix);
            assertThat(translation.stringPropertyNames()).as("keys of webapps%s", suffix)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            Set<String> keys = translation.stringPropertyNames();
            keys.forEach(key -> assertThat(translation.getProperty(key)).as(key + " in webapps" + suffix).isNotBlank());
        }
    }

    private static Properties bundle(String suffix) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                new ClassPathResource(RelayWebappTexts.BUNDLE + suffix + ".properties").getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return anonymous.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
