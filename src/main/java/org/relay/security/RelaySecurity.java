package org.relay.security;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.io.IOException;

/**
 * Who may call what. Relay's API (/api/**) needs a Camunda user: HTTP Basic, or for reading a Tasklist/Cockpit
 * session. Role gates are here; which referral a user may see is decided per record by referral/ReferralAccess.
 * The engine's REST API (/engine-rest) is guarded by Camunda's own Basic filter so its authorization checks apply;
 * Tasklist, Cockpit and Admin log users in themselves; the web-to-lead page carries CSRF tokens; email action pages
 * are protected by their signed links. Every password check is throttled first (SignInThrottleFilter).
 */
@Configuration
class RelaySecurity {

    private static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    SecurityFilterChain relayFilterChain(HttpSecurity http, CamundaPasswordAuthentication passwords,
                                      RelayAuthorities authorities, org.springframework.context.MessageSource messages,
                                      org.springframework.web.servlet.LocaleResolver locales) throws Exception {
        var matcher = PathPatternRequestMatcher.withDefaults();
        return http
                .authenticationProvider(passwords)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(matcher.matcher("/api/audit/**"), matcher.matcher("/api/data-protection/**"))
                        .hasAnyRole("ADMIN", "COMPLIANCE")
                        .requestMatchers(matcher.matcher(HttpMethod.POST, "/api/customers/*/erasure"))
                        .hasAnyRole("ADMIN", "COMPLIANCE")
                        .requestMatchers(matcher.matcher("/api/reports/**"), matcher.matcher("/api/referrers/top"),
                                matcher.matcher(HttpMethod.GET, "/api/scoring/**"), matcher.matcher("/api/imports/**"),
                                matcher.matcher(HttpMethod.PUT, "/api/recipients/**"),
                                matcher.matcher("/api/advocates/*/referrer-preferences"),
                                matcher.matcher("/api/advocates/*/view-links"),
                                matcher.matcher("/api/advocates/*/language"))
                        .hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers(matcher.matcher(HttpMethod.POST, "/api/scoring/**"),
                                matcher.matcher(HttpMethod.PUT, "/api/queues/**"),
                                matcher.matcher(HttpMethod.PUT, "/api/advocates/**"),
                                matcher.matcher(HttpMethod.PUT, "/api/customers/**"))
                        .hasRole("ADMIN")
                        .requestMatchers(matcher.matcher("/api/**")).authenticated()
                        .requestMatchers(matcher.matcher("/actuator/health/**"), matcher.matcher("/actuator/health"))
                        .permitAll()
                        // monitoring: a scraper's account in relay-operators, or an administrator (docs/operations.md)
                        .requestMatchers(matcher.matcher("/actuator/prometheus"), matcher.matcher("/actuator/metrics"),
                                matcher.matcher("/actuator/metrics/**"))
                        .hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers(matcher.matcher("/actuator/**")).hasRole("ADMIN")
                        // the API's description holds no data: readable before an integrator has an account
                        .requestMatchers(matcher.matcher("/v3/api-docs"), matcher.matcher("/v3/api-docs/**"),
                                matcher.matcher("/swagger-ui.html"), matcher.matcher("/swagger-ui/**"))
                        .permitAll()
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName("Relay").authenticationEntryPoint((request, response, e) ->
                        problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                                "Sign in: HTTP Basic with a Relay (Camunda) user and password")))
                .exceptionHandling(errors -> errors
                        // on the public page the only refusal is a missing or stale CSRF token: a person's page expired
                        .defaultAccessDeniedHandlerFor(new ExpiredPublicPage(messages, locales), matcher.matcher("/public/**"))
                        .defaultAccessDeniedHandlerFor((request, response, e) ->
                                problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                                        "Your groups do not allow " + request.getMethod() + " " + request.getRequestURI()),
                                AnyRequestMatcher.INSTANCE))
                .addFilterAfter(new CamundaWebappSession(authorities), BasicAuthenticationFilter.class)
                // Relay keeps no session of its own and must never rotate the Tasklist/Cockpit session id (a Cockpit page whose
                // plugin reads /api/reports would lose its login mid-flight)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // the email action pages need none: their URL is the unguessable signed token itself
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new OrRequestMatcher(
                        matcher.matcher(HttpMethod.POST, "/public/**"),
                        matcher.matcher(HttpMethod.POST, CamundaWebappSession.SENT_PREFERENCES))))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new OrRequestMatcher(matcher.matcher("/public/**"), matcher.matcher("/actions/**")),
                                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Sign-in throttling ahead of every filter that checks a password: Spring Security's (order -100), the engine REST
     * API's and the webapps' login resource behind Camunda's webapp filters.
     */
    @Bean
    FilterRegistrationBean<SignInThrottleFilter> signInThrottling(SignInThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new SignInThrottleFilter(throttle));
        registration.addUrlPatterns("/*");
        registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        registration.setName("relay-sign-in-throttling");
        return registration;
    }

    /** Camunda's own Basic authentication on the engine REST API, so engine authorizations apply per user. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("camunda-engine-rest-authentication");
        return registration;
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title
                + "\",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
