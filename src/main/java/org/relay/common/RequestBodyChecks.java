package org.relay.common;

import java.util.List;

/**
 * Every check a feature makes on a request body of its own (Bean Validation and the rules annotations cannot
 * express), so a body with values of the wrong type is answered with those problems and all the others together
 * (see {@link BodyTypeProblems}). Bodies without one are checked with Bean Validation alone.
 */
public interface RequestBodyChecks {

    boolean appliesTo(Class<?> bodyType);

    List<FieldProblem> problems(Object body);
}
