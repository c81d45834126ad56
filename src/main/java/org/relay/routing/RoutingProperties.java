package org.relay.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param fallbackManagerQueue   manager queue when none is configured for a queue or referrer
 * @param defaultCapacity        open referrals a recipient holds at most, unless their own capacity says otherwise
 * @param relationshipOwnerFirst an existing customer's advisor in the target queue gets it, if available
 * @param advocateOwnership      referrals from an owned advocate go straight to the owner, bypassing the rules
 */
@ConfigurationProperties("relay.routing")
public record RoutingProperties(String fallbackManagerQueue, Integer defaultCapacity, Boolean relationshipOwnerFirst,
                                AdvocateOwnership advocateOwnership) {

    /**
     * @param recordTypes    record types it applies to; empty = all
     * @param sourceChannels source channels it applies to; empty = all
     */
    public record AdvocateOwnership(boolean enabled, List<String> recordTypes, List<String> sourceChannels) {

        public AdvocateOwnership {
            recordTypes = recordTypes == null ? List.of() : List.copyOf(recordTypes);
            sourceChannels = sourceChannels == null ? List.of() : List.copyOf(sourceChannels);
        }

        boolean appliesTo(String recordType, String sourceChannel) {
            return enabled && (recordTypes.isEmpty() || recordTypes.contains(recordType))
                    && (sourceChannels.isEmpty() || sourceChannels.contains(sourceChannel));
        }
    }

    public RoutingProperties {
        fallbackManagerQueue = fallbackManagerQueue == null ? "referral-managers" : fallbackManagerQueue;
        defaultCapacity = defaultCapacity == null ? 25 : defaultCapacity;
        relationshipOwnerFirst = relationshipOwnerFirst == null || relationshipOwnerFirst;
        advocateOwnership = advocateOwnership == null ? new AdvocateOwnership(true, null, null) : advocateOwnership;
        if (defaultCapacity < 1) {
            throw new IllegalArgumentException("relay.routing.default-capacity must be at least 1");
        }
    }
}
