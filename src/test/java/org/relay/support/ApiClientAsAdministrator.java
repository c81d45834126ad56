package org.relay.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * The suite's TestRestTemplate signs in as the demo administrator unless a test names another user
 * ({@code rest.withBasicAuth(...)}) or sets the header itself: most scenarios are about the process, not access;
 * {@code AccessControlTest} is about access.
 */
@TestConfiguration
public class ApiClientAsAdministrator {

    public static final String ADMIN = "demo";

    @Bean
    RestTemplateCustomizer signInAsAdministrator() {
        return template -> template.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBasicAuth(ADMIN, ADMIN);
            }
            return execution.execute(request, body);
        });
    }
}
