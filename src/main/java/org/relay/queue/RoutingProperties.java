package org.relay.queue;

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
     * @param ownersQueueOnly only when the owner is a member of the queue the routing rules chose for the referral
     *                        (default true): a realtor's mortgage goes to the mortgage broker who owns her, her
     *                        client's credit card to the cards team, not to the broker
     */
    public record AdvocateOwnership(boolean enabled, List<String> recordTypes, List<String> sourceChannels,
                                    Boolean ownersQueueOnly) {

        public AdvocateOwnership {
            recordTypes = recordTypes == null ? List.of() : List.copyOf(recordTypes);
            sourceChannels = sourceChannels == null ? List.of() : List.copyOf(sourceChannels);
            ownersQueueOnly = ownersQueueOnly == null || ownersQueueOnly;
        }

        public boolean appliesTo(String recordType, String sourceChannel) {
            return enabled && (recordTypes.isEmpty() || recordTypes.contains(recordType))
                    && (sourceChannels.isEmpty() || sourceChannels.contains(sourceChannel));
        }
    }

    public RoutingProperties {
        fallbackManagerQueue = fallbackManagerQueue == null ? "referral-managers" : fallbackManagerQueue;
        defaultCapacity = defaultCapacity == null ? 25 : defaultCapacity;
        relationshipOwnerFirst = relationshipOwnerFirst == null || relationshipOwnerFirst;
        advocateOwnership = advocateOwnership == null ? new AdvocateOwnership(true, null, null, true) : advocateOwnership;
        if (defaultCapacity < 1) {
            throw new IllegalArgumentException("relay.routing.default-capacity must be at least 1");
        }
    }
}
