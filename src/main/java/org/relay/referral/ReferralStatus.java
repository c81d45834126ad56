package org.relay.referral;

/** Stage of a referral; each stage has its own timestamp on the record. */
public enum ReferralStatus {
    NEW,
    ASSIGNED,
    ACCEPTED,
    IN_PROGRESS,
    CONVERTED,
    CLOSED_LOST;

    public boolean isOpen() {
        return this != CONVERTED && this != CLOSED_LOST;
    }
}
