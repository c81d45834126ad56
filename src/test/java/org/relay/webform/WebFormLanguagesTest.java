package org.relay.webform;

import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.i18n.RelayLocaleResolver;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The public form in the customer's language (issue #30): it follows the browser or the visitor's choice on the page,
 * and the request keeps the customer's language and the language and version of the consent they agreed to; their
 * confirmation and status page then speak it.
 */
class WebFormLanguagesTest extends RelayIntegrationTest {


    @LocalServerPort
    int port;

    @Autowired
    SubmissionRateLimit rateLimit;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    JdbcTemplate jdbc;

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        rateLimit.reset();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Test
    void the_public_form_follows_the_browser_and_the_visitors_choice() throws Exception {
        HttpResponse<String> french = get("/public/lead", "fr-CA,fr;q=0.9,en;q=0.5");
        Assertions.assertThat(french.body()).contains("<html lang=\"fr\"").contains("Votre nom").contains("Prêt immobilier")
                .contains("J’accepte que Relay Bank me contacte").contains("Envoyer").doesNotContain("Your name");

        Assertions.assertThat(get("/public/lead", "es-ES,es").body()).as("a language Relay does not speak: the default")
                .contains("<html lang=\"en\"").contains("Your name");

        // the chooser on the page wins over the browser, and is remembered for the public pages
        HttpResponse<String> chosen = get("/public/lead?lang=de", "fr");
        Assertions.assertThat(chosen.body()).contains("<html lang=\"de\"").contains("Ihr Name").contains("Hypothek");
        Assertions.assertThat(chosen.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                Assertions.assertThat(cookie).contains(RelayLocaleResolver.COOKIE + "=de").contains("Path=/public"));
        Assertions.assertThat(get("/public/lead", "fr").body()).contains("<html lang=\"de\"");
        Assertions.assertThat(get("/public/lead?lang=xx", "fr").body()).as("an unknown choice changes nothing")
                .contains("<html lang=\"de\"");
    }

    @Test
    void a_french_customer_reads_french_errors_and_keeps_french_for_the_request_and_its_consent() throws Exception {
        HttpResponse<String> page = get("/public/lead", "fr-FR");
        Map<String, String> form = valid();
        form.put("email", "pas-une-adresse");
        form.remove("consent");

        HttpResponse<String> refused = post("/public/lead", WebToLeadTest.withCsrf(page, form), "fr-FR");
        Assertions.assertThat(refused.statusCode()).isEqualTo(400);
        Assertions.assertThat(refused.body()).contains("Veuillez corriger les champs signalés.")
                .contains("Cette adresse e-mail ne semble pas correcte.")
                .contains("Veuillez donner votre accord afin que nous puissions vous contacter.")
                .doesNotContain("Please agree");

        HttpResponse<String> thanks = post("/public/lead", WebToLeadTest.withCsrf(page, valid()), "fr-FR");
        Assertions.assertThat(thanks.uri().getPath()).isEqualTo("/public/lead/thanks");
        Assertions.assertThat(thanks.body()).contains("<html lang=\"fr\"").contains("Merci").contains("Nous avons bien reçu votre demande");

        Referral lead = referrals.findAll().get(0);
        Assertions.assertThat(lead.getCustomerLanguage()).isEqualTo("fr");
        Assertions.assertThat(lead.getConsentLanguage()).isEqualTo("fr");
        Assertions.assertThat(lead.getConsentVersion()).isEqualTo("2026-11");
        HttpResponse<String> view = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/api/referrals/" + lead.getReferenceNumber())).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(view.body()).as("staff see which language to write in").contains("\"language\":\"fr\"")
                .contains("\"consentLanguage\":\"fr\"");
        Assertions.assertThat(jdbc.queryForObject("select text from consent_text where version = ? and language = ?",
                String.class, "2026-11", "fr")).startsWith("J’accepte que Relay Bank me contacte");

        // the confirmation with the status page's link, and the page itself, speak French
        MimeMessage confirmation = mailsTo("claire@mail.example").get(0);
        Assertions.assertThat(confirmation.getSubject()).startsWith("Relay Bank : nous avons bien reçu votre demande REF-");
        String text = text(confirmation);
        Assertions.assertThat(text).contains("Bonjour Claire,").contains("« Prêt immobilier »").contains("Ce lien est valable jusqu’au");
        Matcher status = Pattern.compile("https://relay\\.test(/public/status/[A-Za-z0-9_-]+)").matcher(text);
        Assertions.assertThat(status.find()).isTrue();
        HttpResponse<String> statusPage = get(status.group(1), "en-US");
        Assertions.assertThat(statusPage.body()).as("the request's language, not the browser's")
                .contains("<html lang=\"fr\"").contains("Bonjour Claire, voici où en est votre demande").contains("Reçue");
    }

    @Test
    void amounts_are_read_as_each_language_writes_them() {
        Assertions.assertThat(WebToLeadController.amountAsTyped("$380,000", java.util.Locale.ENGLISH)).isEqualByComparingTo("380000");
        Assertions.assertThat(WebToLeadController.amountAsTyped("380 000,50 €", java.util.Locale.FRENCH)).isEqualByComparingTo("380000.50");
        Assertions.assertThat(WebToLeadController.amountAsTyped("380\u202F000", java.util.Locale.FRENCH)).isEqualByComparingTo("380000");
        Assertions.assertThat(WebToLeadController.amountAsTyped("380.000", java.util.Locale.GERMAN)).isEqualByComparingTo("380000");
        Assertions.assertThat(WebToLeadController.amountAsTyped("380’000", java.util.Locale.GERMAN)).isEqualByComparingTo("380000");
    }

    /** The plain-text part of a mail. */
    private static String text(MimeMessage mail) throws Exception {
        return org.relay.support.MailText.of(mail);
    }

    private static Map<String, String> valid() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Claire Dubois");
        form.put("email", "claire@mail.example");
        form.put("phone", "+1 555 0142");
        form.put("city", "Montréal");
        form.put("product", "MORTGAGE");
        form.put("amount", "380 000");
        form.put("message", "Nous cherchons une maison");
        form.put("consent", "true");
        form.put("website", "");
        return form;
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", acceptLanguage).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String acceptLanguage) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", acceptLanguage)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
