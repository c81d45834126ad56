package org.relay.activity;

public enum ActivityType {
    CALL,
    EMAIL,
    MEETING,
    NOTE
}
