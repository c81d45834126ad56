package org.relay.activity;

/**
 * What was done on a referral. Whether it is contact with the customer decides the speed report's first contact
 * (see {@link FirstContacts}): a new type must say so.
 */
public enum ActivityType {
    CALL(true),
    EMAIL(true),
    MEETING(true),
    /** Internal: a note reaches nobody. */
    NOTE(false),
    /**
     * A meeting booked with the customer (by the owner, or by the customer on their status page): contact from the
     * moment it is booked, whether or not the meeting has taken place yet ({@code occurredAt} is the meeting's time).
     */
    MEETING_BOOKED(true),
    /** Written by the customer on their status page (never by staff): the owner is told by mail; not the bank's contact. */
    CUSTOMER_MESSAGE(false);

    private final boolean contact;

    ActivityType(boolean contact) {
        this.contact = contact;
    }

    /** Contact with the customer: a call, email or meeting once done (a planned one is not), or a booking. */
    public boolean isContact(boolean done) {
        return contact && (done || this == MEETING_BOOKED);
    }
}
