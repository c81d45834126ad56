package org.relay.activity;

public enum ActivityType {
    CALL,
    EMAIL,
    MEETING,
    NOTE,
    /** Written by the customer on their status page (never by staff): the owner is told by mail. */
    CUSTOMER_MESSAGE,
    /**
     * The customer booked a meeting with the owner on their status page (org.relay.meeting): the first contact, as a
     * recorded activity is (never recorded by staff).
     */
    MEETING_BOOKED
}
