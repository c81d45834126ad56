package org.relay.rewards;

import org.relay.referral.ReferrerType;

/** The referrer's kind as the rewards table and its caps name it: a colleague is an employee. */
public enum RewardReferrerType {
    EMPLOYEE,
    ADVOCATE,
    PARTNER,
    CUSTOMER;

    static RewardReferrerType of(ReferrerType type) {
        return switch (type) {
            case INTERNAL_USER -> EMPLOYEE;
            case ADVOCATE -> ADVOCATE;
            case PARTNER -> PARTNER;
            case CUSTOMER -> CUSTOMER;
        };
    }
}
