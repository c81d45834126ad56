package org.relay.referral;

/** Who asked for the referral: a colleague (Camunda user), an external advocate or partner, or the customer. */
public enum ReferrerType {
    INTERNAL_USER,
    ADVOCATE,
    PARTNER,
    CUSTOMER
}
