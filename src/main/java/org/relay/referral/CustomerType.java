package org.relay.referral;

public enum CustomerType {
    PERSON,
    BUSINESS
}
