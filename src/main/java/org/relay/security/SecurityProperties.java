package org.relay.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The first administrator, created at start when missing (outside the demo profile there are no default users).
 *
 * @param adminUser     user id (RELAY_ADMIN_USER in the postgres profile)
 * @param adminPassword its password (RELAY_ADMIN_PASSWORD); used only when the user is created
 * @param credentialsCache how long a correct API password is remembered (VerifiedCredentials); PT0S checks every time
 */
@ConfigurationProperties(prefix = "relay.security")
public record SecurityProperties(String adminUser, String adminPassword,
                                 @DefaultValue("PT30S") Duration credentialsCache) {
}
