package org.relay.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param fallbackManagerQueue where a referral goes when no queue-specific manager queue is configured */
@ConfigurationProperties("relay.routing")
public record RoutingProperties(String fallbackManagerQueue) {

    public RoutingProperties {
        fallbackManagerQueue = fallbackManagerQueue == null ? "referral-managers" : fallbackManagerQueue;
    }
}
