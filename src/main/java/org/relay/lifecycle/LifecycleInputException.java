package org.relay.lifecycle;

import org.camunda.bpm.engine.ProcessEngineException;
import org.relay.common.FieldProblem;

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

    public LifecycleInputException(String message) {
        super(message);
    }

    /** The fields the message names ("kind: unknown value X; customerName: …"); empty when it names none. */
    public List<FieldProblem> fieldProblems() {
        if (getMessage() == null || !FIELD_PROBLEM.matcher(getMessage()).lookingAt()) {
            return List.of();
        }
        return Arrays.stream(getMessage().split("; "))
                .map(FIELD_PROBLEM::matcher).filter(Matcher::matches)
                .map(part -> new FieldProblem(part.group(1), part.group(2)))
                .toList();
    }
}
