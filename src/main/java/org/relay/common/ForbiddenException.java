package org.relay.common;

import java.util.List;

/**
 * The caller may not do this (e.g. reopen someone else's referral): 403. When a request parameter or field asks for
 * what is refused (a report's {@code queue}), {@link #problems()} names it, as a 400 would.
 */
public class ForbiddenException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ForbiddenException(String message) {
        this(message, List.of());
    }

    public ForbiddenException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Worded in the request's language: the text of {@code key} (i18n/problems). */
    public static ForbiddenException of(String key, Object... args) {
        return new ForbiddenException(ProblemTexts.text(key, args));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
