package org.relay.activity;

public enum ActivityType {
    CALL,
    EMAIL,
    MEETING,
    NOTE,
    /** Written by the customer on their status page (never by staff): the owner is told by mail. */
    CUSTOMER_MESSAGE
}
