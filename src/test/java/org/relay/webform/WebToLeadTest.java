package org.relay.webform;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.relay.referral.ReferrerType;
import org.relay.routing.Advocate;
import org.relay.routing.AdvocateRepository;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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

/** The public web-to-lead page as a customer's browser (no JavaScript) and a bot would use it. */
class WebToLeadTest extends RelayIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    org.relay.i18n.StoredSentences sentences;

    @Autowired
    SubmissionRateLimit rateLimit;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    ReferralTimeline timeline;

    @Autowired
    AdvocateRepository advocates;

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        rateLimit.reset();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Autowired
    org.relay.dataprotection.ConsentTexts consentTexts;

    @Test
    void a_customer_fills_the_form_and_a_lead_is_created_with_the_consent() throws Exception {
        HttpResponse<String> page = get("/public/lead");
        Assertions.assertThat(page.statusCode()).isEqualTo(200);
        Assertions.assertThat(page.body()).contains("<label for=\"email\">").contains("Relay Bank").contains("Mortgage")
                .contains("(required)").contains("Approximate amount in USD").contains("href=\"https://relay.test/privacy\"");

        HttpResponse<String> sent = post("/public/lead", withCsrf(page, valid("Rachel Adams")));

        Assertions.assertThat(sent.statusCode()).isEqualTo(200);
        Assertions.assertThat(sent.uri().getPath()).as("post/redirect/get").isEqualTo("/public/lead/thanks");
        Assertions.assertThat(sent.body()).contains("Thank you").contains("REF-").contains("Relay Bank")
                .contains("href=\"https://relay.test/privacy\"");
        Referral lead = referrals.findAll().get(0);
        Assertions.assertThat(lead.getKind()).isEqualTo(ReferralKind.LEAD);
        Assertions.assertThat(lead.getSourceChannel()).isEqualTo("WEB_FORM");
        Assertions.assertThat(lead.getReferrer().getType()).isEqualTo(ReferrerType.CUSTOMER);
        Assertions.assertThat(lead.getOwnerId()).isEqualTo("alice");
        Assertions.assertThat(timeline.of(lead)).anyMatch(e -> e.getType() == ReferralEventType.CONSENT
                && sentences.word(e.getDetail(), java.util.Locale.ENGLISH).startsWith("version 2026-11: I agree that Relay Bank may contact me"));
        // the consent is on the record with its text's version, and that text is kept by version
        Assertions.assertThat(lead.getLawfulBasis()).isEqualTo("CONSENT");
        Assertions.assertThat(lead.getConsentVersion()).isEqualTo("2026-11");
        Assertions.assertThat(lead.getConsentGivenAt()).isNotNull();
        Assertions.assertThat(consentTexts.all()).anySatisfy(text -> {
            Assertions.assertThat(text.get("version")).isEqualTo("2026-11");
            Assertions.assertThat((String) text.get("text")).startsWith("I agree that Relay Bank may contact me");
        });
    }

    @Test
    void a_partner_link_makes_it_a_referral_credited_to_the_advocate() throws Exception {
        advocates.save(new Advocate("ADV-123", "Lena Ortiz", "bob", true));
        HttpResponse<String> page = get("/public/lead?ref=ADV-123");
        Map<String, String> form = valid("Oliver Grant");
        form.put("ref", "ADV-123");

        Assertions.assertThat(post("/public/lead", withCsrf(page, form)).statusCode()).isEqualTo(200);

        Referral referral = referrals.findAll().get(0);
        Assertions.assertThat(referral.getKind()).isEqualTo(ReferralKind.REFERRAL);
        Assertions.assertThat(referral.getReferrer().getId()).isEqualTo("ADV-123");
        Assertions.assertThat(referral.getOwnerId()).isEqualTo("bob");
    }

    @Test
    void mistakes_are_explained_next_to_the_fields_and_markup_comes_back_as_text() throws Exception {
        HttpResponse<String> page = get("/public/lead");
        Map<String, String> form = valid("<script>alert(1)</script>");
        form.put("email", "not-an-email");
        form.remove("phone");
        form.remove("consent");

        HttpResponse<String> answer = post("/public/lead", withCsrf(page, form));

        Assertions.assertThat(answer.statusCode()).isEqualTo(400);
        Assertions.assertThat(answer.body())
                .contains("This email address does not look right.")
                .contains("Please agree so that we may contact you.")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>")
                .contains("aria-describedby=\"email-error\"");
        Assertions.assertThat(referrals.count()).isZero();

        HttpResponse<String> stored = post("/public/lead", withCsrf(page, valid("<script>alert(1)</script>")));
        Assertions.assertThat(stored.statusCode()).isEqualTo(200);
        Assertions.assertThat(referrals.findAll().get(0).getCustomer().getName()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void the_honeypot_keeps_bots_out_without_telling_them() throws Exception {
        HttpResponse<String> page = get("/public/lead");
        Map<String, String> form = valid("Spam Bot");
        form.put("website", "http://spam.example");

        HttpResponse<String> answer = post("/public/lead", withCsrf(page, form));

        Assertions.assertThat(answer.statusCode()).isEqualTo(200);
        Assertions.assertThat(answer.body()).contains("Thank you");
        Assertions.assertThat(referrals.count()).isZero();
    }

    @Test
    void without_the_csrf_token_nothing_is_accepted() throws Exception {
        get("/public/lead");

        HttpResponse<String> answer = post("/public/lead", valid("Rachel Adams"));

        Assertions.assertThat(answer.statusCode()).isEqualTo(403);
        Assertions.assertThat(referrals.count()).isZero();
        // a person's page expired: say so in a page, with the way back (issue #24, finding 7)
        Assertions.assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                Assertions.assertThat(type).startsWith("text/html"));
        Assertions.assertThat(answer.body()).contains("This page has expired: reload it and send the form again")
                .contains("href=\"/public/lead\"").doesNotContain("groups");

        Map<String, String> fromPartner = valid("Rachel Adams");
        fromPartner.put("ref", "ADV-123");
        fromPartner.put("_csrf", "stale-token");
        HttpResponse<String> stale = post("/public/lead", fromPartner);
        Assertions.assertThat(stale.statusCode()).isEqualTo(403);
        Assertions.assertThat(stale.body()).contains("href=\"/public/lead?ref=ADV-123\"");
    }

    @Test
    void a_refusal_on_the_api_stays_problem_json() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/audit")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("ryan:ryan".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(refused.statusCode()).isEqualTo(403);
        Assertions.assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                Assertions.assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void an_oversized_submission_is_refused() throws Exception {
        HttpResponse<String> page = get("/public/lead");
        Map<String, String> form = valid("Rachel Adams");
        form.put("message", "x".repeat(20_000));

        HttpResponse<String> answer = post("/public/lead", withCsrf(page, form));

        Assertions.assertThat(answer.statusCode()).isEqualTo(413);
        Assertions.assertThat(referrals.count()).isZero();
    }

    @Test
    void too_many_submissions_from_one_address_get_a_clear_429() throws Exception {
        HttpResponse<String> page = get("/public/lead");
        Map<String, String> form = withCsrf(page, Map.of("name", "Nobody"));
        for (int i = 0; i < 5; i++) {
            Assertions.assertThat(post("/public/lead", form).statusCode()).isEqualTo(400);
        }

        HttpResponse<String> limited = post("/public/lead", form);

        Assertions.assertThat(limited.statusCode()).isEqualTo(429);
        Assertions.assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
        Assertions.assertThat(limited.body()).contains("Please try again in a minute");
    }

    private static Map<String, String> valid(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("email", "rachel@mail.example");
        form.put("phone", "+1 555 0123");
        form.put("city", "Springfield");
        form.put("product", "MORTGAGE");
        form.put("amount", "380,000");
        form.put("message", "Looking at houses in spring");
        form.put("consent", "true");
        form.put("website", "");
        return form;
    }

    /** The form's fields with the page's CSRF token, as a browser posts them (the language tests use it too). */
    static Map<String, String> withCsrf(HttpResponse<String> page, Map<String, String> form) {
        Matcher matcher = CSRF.matcher(page.body());
        Assertions.assertThat(matcher.find()).as("CSRF token in the page").isTrue();
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", matcher.group(1));
        return withToken;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
