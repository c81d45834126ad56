package org.relay.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start when missing (outside the demo profile there are no default users).
 *
 * @param adminUser     user id (RELAY_ADMIN_USER in the postgres profile)
 * @param adminPassword its password (RELAY_ADMIN_PASSWORD); used only when the user is created
 */
@ConfigurationProperties(prefix = "relay.security")
public record SecurityProperties(String adminUser, String adminPassword) {
}
