package org.relay.referral;

public enum ReferralEventType {
    CREATED,
    SCORED,
    ROUTED,
    NOTIFIED,
    ACCEPTED,
    REJECTED,
    REASSIGNED,
    REMINDED,
    ESCALATED,
    OVERDUE,
    SLA_REPLANNED,
    IDLE_ESCALATED,
    CONVERTED,
    CLOSED_LOST
}
