package org.relay.common;

public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /** Worded in the request's language: the text of {@code key} (i18n/problems). */
    public static NotFoundException of(String key, Object... args) {
        return new NotFoundException(ProblemTexts.text(key, args));
    }
}
