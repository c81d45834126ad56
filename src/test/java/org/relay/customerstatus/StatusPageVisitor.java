package org.relay.customerstatus;

import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A customer's browser without JavaScript on the status page: cookies kept, redirects followed. */
final class StatusPageVisitor {

    static final Pattern LINK = Pattern.compile("https://relay\\.test/public/status/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    StatusPageVisitor(int port) {
        this.port = port;
    }

    /** The token of the status-page link in a mail (the test's public URL is https://relay.test). */
    static String tokenIn(MimeMessage mail) throws Exception {
        String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        Matcher matcher = LINK.matcher(text);
        Assertions.assertThat(matcher.find()).as("a status link in the mail:\n" + text).isTrue();
        return matcher.group(1);
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the page (for its CSRF token and session) and sends the form to {@code action}. */
    HttpResponse<String> send(String token, String action, Map<String, String> fields) throws Exception {
        HttpResponse<String> page = get("/public/status/" + token);
        Matcher csrf = CSRF.matcher(page.body());
        Assertions.assertThat(csrf.find()).as("a CSRF token on the page:\n" + page.body()).isTrue();
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        return post("/public/status/" + token + action, form);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
