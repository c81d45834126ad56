package org.relay.customerstatus;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.activity.ActivityRepository;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The status page under the same bar as the public web form: the token is the only key and every wrong one looks the
 * same; forms need the page's CSRF token; sizes, lengths and rates are capped; what a visitor sends comes back as
 * text; and no input, however odd, gets a 5xx or a stack trace.
 */
class StatusPageHostileInputTest extends RelayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferralIntake intake;
    @Autowired
    ActivityRepository activities;
    @Autowired
    StatusPageRateLimit rateLimit;

    private StatusPageVisitor visitor;
    private Referral referral;
    private String token;

    @BeforeEach
    void kiarasLink() throws Exception {
        rateLimit.reset();
        visitor = new StatusPageVisitor(port);
        referral = intake.create(CustomerStatusPageTest.kiaraAgreedToUpdates());
        token = StatusPageVisitor.tokenIn(mailsTo("kiara@mail.example").get(0));
    }

    /** The page's limits start afresh for the next test class too (the matrix reads the page). */
    @AfterEach
    void forgetTheLimits() {
        rateLimit.reset();
    }

    @Test
    void a_tampered_unknown_or_malformed_token_gets_the_same_plain_page_and_never_a_5xx() throws Exception {
        char flipped = token.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, 10) + flipped + token.substring(11);
        for (String wrong : List.of(tampered, token + "x", token.substring(1), "x", "%00", "..%2F..%2Fadmin",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "\u00e9\u00e9\u00e9".repeat(20), "a".repeat(5000))) {
            HttpResponse<String> page = visitor.get("/public/status/" + encodePath(wrong));
            Assertions.assertThat(page.statusCode()).as(wrong).isBetween(400, 499);
            Assertions.assertThat(page.body()).as(wrong).doesNotContain("Kiara").doesNotContain("Exception")
                    .doesNotContain("<script>");
            rateLimit.reset();
        }
        HttpResponse<String> page = visitor.get("/public/status/" + tampered);
        Assertions.assertThat(page.statusCode()).isEqualTo(404);
        Assertions.assertThat(page.body()).contains("This link no longer works");
        // the same for the forms behind it, CSRF token and all
        HttpResponse<String> posted = visitor.send(token, "/../" + tampered + "/message", Map.of("message", "hello"));
        Assertions.assertThat(posted.statusCode()).isBetween(400, 499);
        Assertions.assertThat(activities.count()).isZero();
    }

    @Test
    void forms_without_the_pages_csrf_token_change_nothing() throws Exception {
        visitor.get("/public/status/" + token);

        for (String action : List.of("/message", "/withdraw")) {
            HttpResponse<String> missing = visitor.post("/public/status/" + token + action, Map.of("message", "hello"));
            Assertions.assertThat(missing.statusCode()).isEqualTo(403);
            Assertions.assertThat(missing.body()).contains("This page has expired")
                    .contains("href=\"/public/status/" + token + "\"").doesNotContain("groups");
            HttpResponse<String> stale = visitor.post("/public/status/" + token + action,
                    Map.of("message", "hello", "_csrf", "stale-token"));
            Assertions.assertThat(stale.statusCode()).isEqualTo(403);
        }
        Assertions.assertThat(activities.count()).isZero();
        Assertions.assertThat(data.reload(referral).getStatus().isOpen()).isTrue();
    }

    @Test
    void empty_too_long_and_huge_messages_are_refused_in_plain_words() throws Exception {
        HttpResponse<String> empty = visitor.send(token, "/message", Map.of("message", "   "));
        Assertions.assertThat(empty.statusCode()).isEqualTo(400);
        Assertions.assertThat(empty.body()).contains("Please write your message first.");

        HttpResponse<String> tooLong = visitor.send(token, "/message", Map.of("message", "y".repeat(2001)));
        Assertions.assertThat(tooLong.statusCode()).isEqualTo(400);
        Assertions.assertThat(tooLong.body()).contains("Your message is too long: please keep it under 2000 characters.");

        HttpResponse<String> huge = visitor.send(token, "/message", Map.of("message", "z".repeat(40_000)));
        Assertions.assertThat(huge.statusCode()).isEqualTo(413);

        HttpResponse<String> noField = visitor.send(token, "/message", Map.of("unexpected", "field"));
        Assertions.assertThat(noField.statusCode()).isEqualTo(400);
        Assertions.assertThat(activities.count()).isZero();
    }

    @Test
    void markup_in_a_message_comes_back_as_text() throws Exception {
        HttpResponse<String> sent = visitor.send(token, "/message",
                Map.of("message", "<img src=x onerror=alert(1)>\"quoted\" & </textarea><script>alert(2)</script>"));

        Assertions.assertThat(sent.statusCode()).isEqualTo(200);
        Assertions.assertThat(sent.body()).contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;")
                .doesNotContain("<img src=x").doesNotContain("<script>alert(2)");
        Assertions.assertThat(sent.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                Assertions.assertThat(policy).contains("default-src 'self'"));
    }

    @Test
    void odd_methods_and_bodies_get_a_4xx_or_the_page_never_a_5xx() throws Exception {
        HttpClient raw = HttpClient.newHttpClient();
        String base = "http://localhost:" + port + "/public/status/" + token;
        List<HttpRequest> odd = List.of(
                HttpRequest.newBuilder(URI.create(base + "/message")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}")).build(),
                HttpRequest.newBuilder(URI.create(base + "/message")).header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("--x\r\nbroken")).build(),
                HttpRequest.newBuilder(URI.create(base)).method("DELETE", HttpRequest.BodyPublishers.noBody()).build(),
                HttpRequest.newBuilder(URI.create(base + "/withdraw")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpRequest.newBuilder(URI.create(base + "?message=%00%ff")).GET().build());
        for (HttpRequest request : odd) {
            HttpResponse<String> answer = raw.send(request, HttpResponse.BodyHandlers.ofString());
            Assertions.assertThat(answer.statusCode()).as(request.method() + " " + request.uri()).isLessThan(500);
            Assertions.assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
        Assertions.assertThat(activities.count()).isZero();
        Assertions.assertThat(data.reload(referral).getStatus().isOpen()).isTrue();
    }

    @Test
    void one_address_sending_too_much_gets_a_clear_429() throws Exception {
        for (int i = 0; i < 5; i++) {
            Assertions.assertThat(visitor.send(token, "/message", Map.of("message", "")).statusCode()).isEqualTo(400);
        }
        HttpResponse<String> limited = visitor.send(token, "/message", Map.of("message", "one more"));
        Assertions.assertThat(limited.statusCode()).isEqualTo(429);
        Assertions.assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
        Assertions.assertThat(limited.body()).contains("Please wait a moment");

        rateLimit.reset();
        int views = 0;
        HttpResponse<String> page;
        do {
            page = visitor.get("/public/status/" + token);
            views++;
        } while (page.statusCode() == 200 && views < 100);
        Assertions.assertThat(page.statusCode()).isEqualTo(429);
        Assertions.assertThat(views).isEqualTo(31);
    }

    private static String encodePath(String value) {
        return value.chars().allMatch(c -> c < 128) ? value
                : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
