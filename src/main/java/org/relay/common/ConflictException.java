package org.relay.common;

/** The request is valid but the referral is not in a state that allows it (e.g. already closed): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
