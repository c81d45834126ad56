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
    ACTIVITY,
    CONVERTED,
    REOPENED,
    OPPORTUNITY_WON,
    OPPORTUNITY_LOST,
    CLOSED_LOST
}
