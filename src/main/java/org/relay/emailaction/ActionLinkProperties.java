package org.relay.emailaction;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param secret HMAC key that signs email action links; at least 32 characters, never the demo value in production
 * @param expiry how long a link stays usable (default 72 h)
 */
@ConfigurationProperties("relay.action-links")
public record ActionLinkProperties(String secret, Duration expiry) {

    public ActionLinkProperties {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("relay.action-links.secret must be set, at least 32 characters"
                    + " (RELAY_LINK_SECRET in the postgres profile)");
        }
        expiry = expiry == null ? Duration.ofHours(72) : expiry;
    }
}
