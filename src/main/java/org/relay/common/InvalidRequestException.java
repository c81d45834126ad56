package org.relay.common;

import java.util.List;

/** A request that is well-formed JSON but breaks Relay's rules; answered with 400 naming each field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("Invalid request: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** One field at fault, worded in the request's language: the text of {@code key} (i18n/problems). */
    public static InvalidRequestException of(String field, String key, Object... args) {
        return new InvalidRequestException(List.of(FieldProblem.of(field, key, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
