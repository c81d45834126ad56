package org.relay.i18n;

import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relay in English, French and German (issue #30): each colleague's own language for Relay's pages and mails, the
 * one-click pages in the language of their mail, the API's problems and catalog labels in the caller's language
 * (codes unchanged), and amounts and dates as each language writes them. The public form: WebFormLanguagesTest.
 */
class LanguagesTest extends RelayIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https://relay\\.test(/actions/[A-Za-z0-9_.~-]+)");

    @LocalServerPort
    int port;

    @Autowired
    ReferralIntake intake;

    @Autowired
    UserLanguages userLanguages;

    @Autowired
    LocalFormats formats;

    @Autowired
    MessageSource messages;

    @Autowired
    TaskService taskService;

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @AfterEach
    void everyoneBackToTheDefault() {
        // the setting is cached: clear it through Relay, not only in the table the next test empties
        List.of("alice", "bob").forEach(user -> userLanguages.choose(user, null));
    }

    @Test
    void problems_and_catalog_labels_follow_accept_language_and_codes_stay() throws Exception {
        HttpResponse<String> missing = api("GET", "/api/referrals/REF-999999", "bob", null, "fr");
        Assertions.assertThat(missing.statusCode()).isEqualTo(404);
        Assertions.assertThat(missing.body()).contains("\"title\":\"Introuvable\"");
        Assertions.assertThat(api("GET", "/api/referrals/REF-999999", "bob", null, "de").body())
                .contains("\"title\":\"Nicht gefunden\"");
        Assertions.assertThat(api("GET", "/api/referrals/REF-999999", "bob", null, null).body())
                .contains("\"title\":\"Not found\"");

        HttpResponse<String> malformed = api("POST", "/api/referrals", "ryan", "{not json", "fr");
        Assertions.assertThat(malformed.statusCode()).isEqualTo(400);
        Assertions.assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                Assertions.assertThat(type).startsWith("application/problem+json"));
        Assertions.assertThat(malformed.body()).contains("Corps de requête mal formé");

        String german = api("GET", "/api/catalog", "bob", null, "de-CH").body();
        Assertions.assertThat(german).contains("{\"code\":\"MORTGAGE\",\"label\":\"Hypothek\"}")
                .contains("{\"code\":\"NOT_MY_PRODUCT\",\"label\":\"Nicht mein Produkt\"}");
        Assertions.assertThat(api("GET", "/api/catalog", "bob", null, "en").body())
                .contains("{\"code\":\"MORTGAGE\",\"label\":\"Mortgage\"}");
    }

    @Test
    void each_colleague_sets_their_own_language_and_reads_relay_and_its_mails_in_it() throws Exception {
        Assertions.assertThat(api("GET", "/api/me/language", "alice", null, null).body())
                .contains("\"language\":null").contains("\"effective\":\"en\"").contains("\"supported\":[\"en\",\"fr\",\"de\"]");
        HttpResponse<String> refused = api("PUT", "/api/me/language", "alice", "{\"language\":\"klingon\"}", null);
        Assertions.assertThat(refused.statusCode()).isEqualTo(400);
        Assertions.assertThat(refused.body()).contains("\"field\":\"language\"");
        Assertions.assertThat(api("PUT", "/api/me/language", "alice", "{\"language\":\"fr\"}", null).body())
                .contains("\"language\":\"fr\"").contains("\"effective\":\"fr\"");

        // her own setting wins over her browser's language on Relay's pages
        Assertions.assertThat(api("GET", "/referrals/sent", "alice", null, "de").body())
                .contains("<html lang=\"fr\"").contains("Mes recommandations envoyées");

        // Kiara's mortgage goes to Alice: her mail, subject included, is French; amounts as French writes them
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(referral.getProcessInstanceId());
        MimeMessage mail = mailsTo("alice@relay.example").get(0);
        Assertions.assertThat(mail.getSubject()).isEqualTo("Nouvelle recommandation Prêt immobilier "
                + referral.getReferenceNumber() + " : Kiara Thompson");
        String text = text(mail);
        Assertions.assertThat(text).contains("Une recommandation attend votre décision.").contains("450\u202F000 USD")
                .contains("Accepter : https://relay.test/actions/").contains("Montant :").doesNotContain("Reference:");

        // the one-click page it links to speaks the mail's language, whatever the browser says
        Matcher accept = LINK.matcher(text);
        Assertions.assertThat(accept.find()).isTrue();
        Assertions.assertThat(get(accept.group(1), "en").body()).contains("<html lang=\"fr\"")
                .contains("Accepter cette recommandation ?").contains("Prêt immobilier");

        // Bob kept no setting: still English
        Assertions.assertThat(userLanguages.of("bob")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void amounts_and_dates_are_written_as_each_language_writes_them() {
        BigDecimal amount = new BigDecimal("450000");
        Assertions.assertThat(formats.money(amount, "USD", Locale.ENGLISH, "-")).isEqualTo("USD 450,000");
        Assertions.assertThat(formats.money(amount, "USD", Locale.FRENCH, "-")).isEqualTo("450\u202F000 USD");
        Assertions.assertThat(formats.money(amount, "USD", Locale.GERMAN, "-")).isEqualTo("450.000 USD");
        Assertions.assertThat(formats.money(null, "USD", Locale.GERMAN, "nicht angegeben")).isEqualTo("nicht angegeben");

        // a Swiss bank writes German amounts the Swiss way (relay.i18n.format-locales.de: de-CH)
        Languages swiss = new Languages(new I18nProperties(List.of("en", "fr", "de"), "en", Map.of("de", "de-CH")));
        Assertions.assertThat(new LocalFormats(messages, swiss).money(amount, "CHF", Locale.GERMAN, "-"))
                .isEqualTo("450’000 CHF");

        Instant noonInNewYork = Instant.parse("2026-12-08T17:00:00Z");
        ZoneId bank = ZoneId.of("America/New_York");
        Assertions.assertThat(formats.dateTime(noonInNewYork, bank, Locale.ENGLISH)).isEqualTo("Tue 8 Dec 2026, 12:00 EST");
        Assertions.assertThat(formats.dateTime(noonInNewYork, bank, Locale.FRENCH)).startsWith("mar. 8 déc. 2026 à 12:00");
        Assertions.assertThat(formats.date(noonInNewYork, bank, Locale.GERMAN)).isEqualTo("8. Dezember 2026");
    }

    /** The plain-text part of a mail. */
    private static String text(MimeMessage mail) throws Exception {
        return org.relay.support.MailText.of(mail);
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", acceptLanguage).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Relay's API as {@code user} (HTTP Basic, the demo password is the user id). */
    private HttpResponse<String> api(String method, String path, String user, String json, String acceptLanguage)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
