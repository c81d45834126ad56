package org.relay.conversion;

public enum OpportunityStatus {
    OPEN,
    WON,
    LOST
}
