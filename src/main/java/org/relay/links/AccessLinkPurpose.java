package org.relay.links;

import java.time.Duration;

/** What a link opens, and so what its subject id means. Stored by name: never rename a constant. */
public enum AccessLinkPurpose {

    /** The customer's status page of one referral; subject = the referral's id. */
    CUSTOMER_STATUS("customer-status", Duration.ofDays(60)),

    /** An external referrer's list of the referrals they sent; subject = the referrer's id. */
    REFERRER_VIEW("referrer-view", Duration.ofDays(90));

    private final String key;
    private final Duration defaultTtl;

    AccessLinkPurpose(String key, Duration defaultTtl) {
        this.key = key;
        this.defaultTtl = defaultTtl;
    }

    /** The purpose's name in configuration: {@code relay.links.<key>.ttl}. */
    public String key() {
        return key;
    }

    public Duration defaultTtl() {
        return defaultTtl;
    }
}
