package org.relay.common;

/** The request is valid but the referral is not in a state that allows it (e.g. already closed): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    /** Worded in the request's language: the text of {@code key} (i18n/problems). */
    public static ConflictException of(String key, Object... args) {
        return new ConflictException(ProblemTexts.text(key, args));
    }
}
