package org.relay.common;

/** The caller may not do this to this referral (e.g. reopen someone else's): 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
