package org.relay.routing;

/** Why a referral went where it went; stored on the referral beside the readable reason. */
public enum RoutingBasis {
    ADVOCATE_OWNER,
    RULE_NAMED_USER,
    RELATIONSHIP_OWNER,
    LEAST_LOADED_MEMBER,
    CAPACITY_FALLBACK,
    NOBODY_LEFT,
    REASSIGNED,
    ESCALATED
}
