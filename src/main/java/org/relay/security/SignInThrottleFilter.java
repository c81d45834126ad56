package org.relay.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * In front of every sign-in path: HTTP Basic on any URL (Relay's API, the engine REST API; Spring Security checks a
 * Basic header wherever it is sent) and the webapps' login form (Tasklist, Cockpit, Admin). While the client address
 * or a user named in the request is throttled, the request is refused with 429 before any password is checked.
 * Otherwise each password check Camunda makes while serving it (PasswordCheckOutcomes) counts: a wrong password as a
 * failure of that user from this address, a right one makes this address known for that user. Status codes are not
 * used to guess the verdict: a webapp filter's 403 (CSRF) or a remembered sign-in (VerifiedCredentials) checks none.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    /** Camunda's webapp login: POST {application-path}/api/admin/auth/user/{engine}/login/{app}. */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> named = new ArrayList<>(2);
        basicUser(request).ifPresent(named::add);
        HttpServletRequest forwarded = request;
        if (isWebappLogin(request)) {
            Optional<LoginFormBody> form = LoginFormBody.read(request);
            if (form.isEmpty()) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            form.get().username().ifPresent(named::add);
            forwarded = form.get();
        }
        String address = addressKey(request.getRemoteAddr());
        Optional<Duration> wait = named.stream().map(user -> throttle.refusal(user, address))
                .flatMap(Optional::stream).max(Duration::compareTo);
        if (wait.isPresent()) {
            tooManyFailures(response, wait.get());
            return;
        }
        // every request, not only those naming a user: whatever checks a password is counted
        PasswordCheckOutcomes.start();
        try {
            chain.doFilter(forwarded, response);
        } finally {
            // one request is one sign-in per user, however often it was checked (Spring Security asks its parent
            // authentication manager again after a wrong password; /engine-rest checks after Spring Security did)
            for (PasswordCheckOutcomes.Outcome outcome : new LinkedHashSet<>(PasswordCheckOutcomes.stop())) {
                if (outcome.correct()) {
                    throttle.succeeded(outcome.userId(), address);
                } else {
                    throttle.failed(outcome.userId(), address);
                }
            }
        }
    }

    private static boolean isWebappLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && WEBAPP_LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    /** The user id of an HTTP Basic header; empty without one or when it cannot be decoded (no password is checked). */
    static Optional<String> basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The client's address as Tomcat reports it (the proxy's X-Forwarded-For, server.forward-headers-strategy); IPv6
     * clients by their /64, since one host usually holds a whole /64.
     */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress(); // a literal: no name lookup
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : remoteAddress;
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    private static void tooManyFailures(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":429,\"title\":\"Too Many Requests\","
                + "\"detail\":\"Too many failed sign-ins from this address or for this user; try again in " + seconds
                + " seconds\"}");
    }
}
