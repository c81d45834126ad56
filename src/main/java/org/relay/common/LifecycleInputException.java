package org.relay.common;

import org.camunda.bpm.engine.ProcessEngineException;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task was completed with input the lifecycle cannot act on (e.g. reject without a reason). Thrown from a
 * complete listener, it rolls the completion back and Tasklist shows the message to the user.
 */
public class LifecycleInputException extends ProcessEngineException {

    /** "field: what is wrong", as the intake and the forms' listeners word their refusals ("a: …; b: …"). */
    private static final Pattern FIELD_PROBLEM = Pattern.compile("([A-Za-z][A-Za-z0-9_.]*): (.+)", Pattern.DOTALL);

    /** Set when the message is a plain sentence for a person and the fields are named apart (the forms' refusals). */
    private final List<FieldProblem> problems;

    public LifecycleInputException(String message) {
        super(message);
        this.problems = null;
    }

    /**
     * A refusal a person reads in Tasklist: one plain sentence (no variable names, codes or ids), with the fields at
     * fault named apart for API clients (the problem's {@code errors}).
     */
    public LifecycleInputException(String sentence, List<FieldProblem> problems) {
        super(sentence);
        this.problems = List.copyOf(problems);
    }

    /** A refusal worded in the request's language (i18n/problems), with the fields at fault named apart. */
    public static LifecycleInputException of(List<FieldProblem> problems, String key, Object... args) {
        return new LifecycleInputException(ProblemTexts.text(key, args), problems);
    }

    /** "you cannot …" → "You cannot …." — field problems' messages as one sentence each. */
    public static String sentences(List<FieldProblem> problems) {
        return String.join(" ", problems.stream().map(p -> {
            String text = p.message().trim();
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
            return text.endsWith(".") ? text : text + ".";
        }).toList());
    }

    /** The fields the message names ("kind: unknown value X; customerName: …"); empty when it names none. */
    public List<FieldProblem> fieldProblems() {
        if (problems != null) {
            return problems;
        }
        if (getMessage() == null || !FIELD_PROBLEM.matcher(getMessage()).lookingAt()) {
            return List.of();
        }
        return Arrays.stream(getMessage().split("; "))
                .map(FIELD_PROBLEM::matcher).filter(Matcher::matches)
                .map(part -> new FieldProblem(part.group(1), part.group(2)))
                .toList();
    }
}
