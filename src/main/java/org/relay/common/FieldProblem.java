package org.relay.common;

/** One invalid field of a request: the JSON path of the field and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
