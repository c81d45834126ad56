package org.relay.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lets a user signed into Cockpit or Tasklist read Relay's API with that session (the Cockpit dashboard fetches
 * /api/reports) and follow the task link of a mail ({@code /referrals/{ref}/task}). Only for reading: a session
 * cookie rides along with cross-site requests, so anything that changes data still needs credentials of its own
 * (HTTP Basic) — with two narrow exceptions: the preference form of "Referrals I sent", whose POST carries a
 * Spring Security CSRF token, the Work form's meeting section (offering times, cancelling a meeting) and the Cockpit
 * referral page's customer-link buttons (revoke, send a new link), which write with the session when the request carries the session's own Camunda CSRF token in {@code X-XSRF-TOKEN}, which
 * Tasklist's Angular sends on every same-origin request and no other site can read.
 */
class CamundaWebappSession extends OncePerRequestFilter {

    private static final String ENGINE = "default";
    /** Camunda's webapp CSRF token in the session, and the header its Angular sends it in (CsrfPreventionFilter). */
    private static final String CAMUNDA_CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";
    private static final String CSRF_HEADER = "X-XSRF-TOKEN";
    /**
     * The writes Relay's pages make with the webapp session, each protected by the session's own Camunda CSRF token
     * (double submit): the Work form's meeting section (offer times, cancel a meeting) and the Cockpit referral page's
     * customer links (revoke, send a new one). Every other write needs HTTP Basic.
     */
    private static final List<SessionWrite> SESSION_WRITES = List.of(
            new SessionWrite(Set.of("PUT"), Pattern.compile("/api/referrals/[A-Za-z0-9-]{1,40}/meeting-offers")),
            new SessionWrite(Set.of("DELETE"), Pattern.compile("/api/referrals/[A-Za-z0-9-]{1,40}/meetings/[0-9]{1,19}")),
            new SessionWrite(Set.of("DELETE", "POST"), Pattern.compile("/api/referrals/[A-Za-z0-9-]{1,40}/customer-links")));

    private record SessionWrite(Set<String> methods, Pattern path) {

        boolean matches(HttpServletRequest request, String requestPath) {
            return methods.contains(request.getMethod()) && path.matcher(requestPath).matches();
        }
    }

    /** "Referrals I sent"'s preference form (org.relay.referrerpreference). */
    static final String SENT_PREFERENCES = "/referrals/sent/preferences";

    private final RelayAuthorities authorities;

    CamundaWebappSession(RelayAuthorities authorities) {
        this.authorities = authorities;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && (isSafe(request.getMethod()) || isCsrfProtected(request) || sessionWriteAllowed(request, session))
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
            if (signedIn != null && signedIn.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
                var authentication = UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null,
                        user.getGroupIds() != null ? authorities.of(user.getGroupIds()) : authorities.of(user.getIdentityId()));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Only Relay's API, the mail's task link (it redirects a signed-in Tasklist user to their task) and the "Referrals
     * I sent" page linked from Tasklist's header: Camunda's own webapp requests are authenticated by Camunda.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") && !(path.startsWith("/referrals/") && path.endsWith("/task"))
                && !path.equals("/referrals/sent") && !path.equals(SENT_PREFERENCES);
    }

    /** The one form posted with the session: Spring Security checks its CSRF token first (RelaySecurity). */
    private static boolean isCsrfProtected(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && request.getRequestURI().substring(request.getContextPath().length()).equals(SENT_PREFERENCES);
    }

    /** One of {@link #SESSION_WRITES}, with the session's Camunda CSRF token in {@code X-XSRF-TOKEN}. */
    private static boolean sessionWriteAllowed(HttpServletRequest request, HttpSession session) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Object expected = session.getAttribute(CAMUNDA_CSRF_TOKEN);
        String sent = request.getHeader(CSRF_HEADER);
        return SESSION_WRITES.stream().anyMatch(write -> write.matches(request, path))
                && expected instanceof String token && sent != null && !token.isEmpty()
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
