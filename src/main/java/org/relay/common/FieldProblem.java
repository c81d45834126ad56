package org.relay.common;

/**
 * One invalid field of a request: the JSON path of the field (never translated) and what is wrong with it, in the
 * reader's language when made with {@link #of}.
 */
public record FieldProblem(String field, String message) {

    /** The field and the text of {@code key} (i18n/problems) in the request's language. */
    public static FieldProblem of(String field, String key, Object... args) {
        return new FieldProblem(field, ProblemTexts.text(key, args));
    }
}
