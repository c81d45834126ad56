package org.relay.webform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security for Relay's own public pages: CSRF tokens on the web-to-lead form and standard security headers.
 * It authenticates nobody: Tasklist, Cockpit and Admin log users in themselves, the email action pages are
 * protected by their signed links, and access control for the REST API is a separate piece of work.
 */
@Configuration
class WebSecurity {

    @Bean
    SecurityFilterChain relaySecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/public/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }
}
