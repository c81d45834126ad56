package org.relay.referral;

/** Stage of a referral; each stage has its own timestamp on the record. */
public enum ReferralStatus {
    NEW,
    ASSIGNED,
    ACCEPTED,
    IN_PROGRESS,
    CONVERTED,
    CLOSED_LOST;

    public static java.util.Set<ReferralStatus> openStatuses() {
        return java.util.EnumSet.of(NEW, ASSIGNED, ACCEPTED, IN_PROGRESS);
    }

    public boolean isOpen() {
        return this != CONVERTED && this != CLOSED_LOST;
    }
}
