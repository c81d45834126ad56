package org.relay.support;

import org.springframework.boot.autoconfigure.web.client.RestTemplateBuilderConfigurer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The suite's TestRestTemplate signs in as the demo administrator unless a test names another user
 * ({@code rest.withBasicAuth(...)} replaces it): most scenarios are about the process, not access;
 * {@code AccessControlTest} is about access.
 */
@TestConfiguration
public class ApiClientAsAdministrator {

    public static final String ADMIN = "demo";

    @Bean
    RestTemplateBuilder restTemplateBuilder(RestTemplateBuilderConfigurer configurer) {
        return configurer.configure(new RestTemplateBuilder()).basicAuthentication(ADMIN, ADMIN);
    }
}
