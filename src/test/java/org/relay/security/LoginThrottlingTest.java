package org.relay.security;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Issue #24, finding 5: wrong passwords from a stranger used to lock any user for good (Camunda's lock-out). Now every
 * sign-in path (Relay's API, the engine REST API, the webapps' login) is throttled per client address and per user,
 * locks lift by themselves, and a user's lock does not reach addresses that signed in as that user before. Clients
 * are told apart by X-Forwarded-For, as behind the TLS proxy (the test's 127.0.0.1 is a trusted proxy address).
 * Test profile: 5 failures within 3 s lock for 3 s.
 */
class LoginThrottlingTest extends RelayIntegrationTest {

    private static final String ADMIN = "relay-admin";
    private static final String ADMIN_PASSWORD = "Correct-Horse-Battery-9";
    private static final int LIMIT = 5;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    IdentityService identityService;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The cookies the webapp set when {@link #webappLogin} opened Tasklist. */
    private List<String> lastSessionCookies = List.of();

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        throttle.reset();
    }

    @Test
    void a_stranger_cannot_lock_out_the_administrator() throws Exception {
        Assertions.assertThat(api("198.51.100.10", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);

        // one wrong password after another from a stranger: past Camunda's old limit of ten
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            statuses.add(api("203.0.113.7", ADMIN, "guess-" + i).statusCode());
        }
        Assertions.assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
        Assertions.assertThat(statuses.subList(LIMIT, statuses.size())).containsOnly(429);

        // the administrator signs in from where they did before; a new address waits, as the stranger does
        Assertions.assertThat(api("198.51.100.10", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        Assertions.assertThat(webappLogin("198.51.100.10", ADMIN, ADMIN_PASSWORD, null).statusCode()).isEqualTo(200);
        Assertions.assertThat(api("203.0.113.8", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(429);
        // and Camunda has not locked the account
        Assertions.assertThat(identityService.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void camunda_itself_never_locks_a_user_whatever_the_failures() {
        var user = identityService.newUser("lena-lockout");
        user.setPassword("Right-Password-1");
        identityService.saveUser(user);
        try {
            // straight at the engine, as from many nodes or addresses together: Camunda used to lock for good at ten
            for (int i = 0; i < 15; i++) {
                Assertions.assertThat(identityService.checkPassword("lena-lockout", "wrong-" + i)).isFalse();
            }
            Assertions.assertThat(identityService.checkPassword("lena-lockout", "Right-Password-1")).isTrue();
        } finally {
            identityService.deleteUser("lena-lockout");
        }
    }

    @Test
    void an_address_is_throttled_whoever_it_names_and_recovers_after_the_window() throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            Assertions.assertThat(api("203.0.113.20", "nobody-" + i, "wrong").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = api("203.0.113.20", "bob", "bob");
        assertTooManyFailures(refused);
        Assertions.assertThat(api(null, "bob", "bob").statusCode()).as("another address").isEqualTo(200);
        Assertions.assertThat(api("203.0.113.21", "bob", "bob").statusCode()).as("another address").isEqualTo(200);
        // a request that signs in as nobody is not a sign-in: the public page still answers the locked address
        Assertions.assertThat(http.send(request("/public/lead", "203.0.113.20").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        waitOut(refused);
        Assertions.assertThat(api("203.0.113.20", "bob", "bob").statusCode()).isEqualTo(200);
    }

    @Test
    void a_user_is_throttled_across_addresses_except_where_they_signed_in_before() throws Exception {
        var user = identityService.newUser("tess-throttle");
        user.setPassword("Right-Password-2");
        identityService.saveUser(user);
        try {
            Assertions.assertThat(api("198.51.100.30", "tess-throttle", "Right-Password-2").statusCode()).isEqualTo(200);
            for (int i = 0; i < LIMIT; i++) {
                Assertions.assertThat(api("203.0.113.3" + i, "tess-throttle", "wrong").statusCode()).isEqualTo(401);
            }
            HttpResponse<String> refused = api("203.0.113.39", "tess-throttle", "Right-Password-2");
            assertTooManyFailures(refused);
            Assertions.assertThat(api("198.51.100.30", "tess-throttle", "Right-Password-2").statusCode())
                    .as("an address that signed in as her before").isEqualTo(200);

            waitOut(refused);
            Assertions.assertThat(api("203.0.113.39", "tess-throttle", "Right-Password-2").statusCode()).isEqualTo(200);
        } finally {
            identityService.deleteUser("tess-throttle");
        }
    }

    @Test
    void the_engine_rest_api_is_throttled_too() throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            HttpResponse<String> wrong = http.send(request("/engine-rest/task", "203.0.113.40")
                    .header("Authorization", basic("carlos", "wrong")).build(), HttpResponse.BodyHandlers.ofString());
            Assertions.assertThat(wrong.statusCode()).isEqualTo(401);
        }
        assertTooManyFailures(http.send(request("/engine-rest/task", "203.0.113.40")
                .header("Authorization", basic("carlos", "carlos")).build(), HttpResponse.BodyHandlers.ofString()));
        Assertions.assertThat(http.send(request("/engine-rest/task", "198.51.100.40")
                .header("Authorization", basic("dana", "dana")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void the_webapps_login_is_throttled_too() throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            Assertions.assertThat(webappLogin("203.0.113.50", "ivan", "wrong", null).statusCode()).isEqualTo(401);
        }
        assertTooManyFailures(webappLogin("203.0.113.50", "ivan", "ivan", null));
        Assertions.assertThat(webappLogin("198.51.100.50", "dana", "dana", null).statusCode()).isEqualTo(200);
    }

    @Test
    void behind_the_tls_proxy_the_request_is_secure() throws Exception {
        HttpResponse<String> proxied = http.send(request("/api/catalog", "203.0.113.60")
                .header("X-Forwarded-Proto", "https").header("Authorization", basic("bob", "bob")).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(proxied.statusCode()).isEqualTo(200);
        Assertions.assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> Assertions.assertThat(hsts).contains("max-age="));
        HttpResponse<String> plain = api(null, "bob", "bob");
        Assertions.assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

        // the webapps' session cookie is Secure once the proxy says https (Tomcat marks it for a secure request, even
        // where RELAY_SECURE_COOKIES is off as in this profile), and the login works through the proxy
        Assertions.assertThat(webappLogin("203.0.113.61", "dana", "dana", "https").statusCode()).isEqualTo(200);
        Assertions.assertThat(lastSessionCookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(cookie -> Assertions.assertThat(cookie).contains("Secure").contains("HttpOnly"));
        Assertions.assertThat(webappLogin("203.0.113.62", "dana", "dana", null).statusCode()).isEqualTo(200);
        Assertions.assertThat(lastSessionCookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(cookie -> Assertions.assertThat(cookie).doesNotContain("Secure"));
    }

    private void assertTooManyFailures(HttpResponse<String> response) {
        Assertions.assertThat(response.statusCode()).isEqualTo(429);
        Assertions.assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                Assertions.assertThat(Integer.parseInt(seconds)).isBetween(1, 3));
        Assertions.assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                Assertions.assertThat(type).startsWith("application/problem+json"));
        Assertions.assertThat(response.body()).contains("\"status\":429").contains("Too many failed sign-ins");
    }

    private static void waitOut(HttpResponse<String> refused) throws InterruptedException {
        Thread.sleep(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) * 1_000L + 200);
    }

    private HttpResponse<String> api(String forwardedFor, String user, String password) throws Exception {
        return http.send(request("/api/catalog", forwardedFor).header("Authorization", basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Tasklist's login as the browser does it: open the page for the session and its CSRF token, then post the form.
     * Cookies are carried by hand: a client's cookie store keeps a Secure cookie away from this plain-HTTP test server.
     */
    private HttpResponse<String> webappLogin(String forwardedFor, String user, String password, String proto)
            throws Exception {
        HttpRequest.Builder page = request("/camunda/app/tasklist/default/", forwardedFor);
        if (proto != null) {
            page.header("X-Forwarded-Proto", proto);
        }
        HttpResponse<String> opened = http.send(page.build(), HttpResponse.BodyHandlers.ofString());
        String token = opened.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() ->
                new AssertionError("no CSRF token: " + opened.statusCode() + " " + opened.headers().map()));
        String cookies = String.join("; ", opened.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
        HttpRequest.Builder login = request("/camunda/api/admin/auth/user/default/login/tasklist", forwardedFor)
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        if (proto != null) {
            login.header("X-Forwarded-Proto", proto);
        }
        HttpResponse<String> answer = http.send(login.build(), HttpResponse.BodyHandlers.ofString());
        lastSessionCookies = opened.headers().allValues("Set-Cookie");
        return answer;
    }

    private HttpRequest.Builder request(String path, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
