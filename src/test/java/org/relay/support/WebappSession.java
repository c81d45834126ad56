package org.relay.support;

import org.assertj.core.api.Assertions;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user signed into Tasklist as a browser is, without a browser: the session cookie, and Camunda's CSRF token sent
 * back in the X-XSRF-TOKEN header of every change (demo users' password is their user id).
 */
public final class WebappSession {

    private final HttpClient http;
    private final int port;
    private final String csrfToken;

    private WebappSession(HttpClient http, int port, String csrfToken) {
        this.http = http;
        this.port = port;
        this.csrfToken = csrfToken;
    }

    public static WebappSession logIn(int port, String user) throws Exception {
        return logIn(port, user, user);   // the demo team's passwords are their user ids
    }

    public static WebappSession logIn(int port, String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.getCookieStore()
                .getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                .findFirst().orElseThrow());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // signing in starts a new session with a CSRF token of its own: Tasklist reads it from its next GET
        HttpResponse<String> engines = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/engine/engine/")).build(), HttpResponse.BodyHandlers.ofString());
        return new WebappSession(http, port, engines.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A page, as a browser asks for it. */
    public HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json").header("Accept", "application/json, text/plain, */*")
                        .header("X-XSRF-TOKEN", csrfToken).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with extra headers (name, value, name, value…), e.g. the Accept-Language a browser sends. */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).headers(headers).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with extra headers (name, value, name, value…). */
    public HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken).headers(headers)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
