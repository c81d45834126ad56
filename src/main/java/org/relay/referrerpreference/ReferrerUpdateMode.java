package org.relay.referrerpreference;

/** How a referrer wants to hear about their referrals' turns. */
public enum ReferrerUpdateMode {
    /** A mail at each turn (the default). */
    EVERY_EVENT,
    /** One mail each working morning listing the turns since the last one. */
    DAILY_DIGEST,
    /** Only how it ended: converted, or closed as lost. */
    OUTCOMES_ONLY
}
