package org.relay.enginerest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

import java.util.Set;

/**
 * Relay's answers ({@link EngineProblem}) in place of Camunda's REST exception handlers. Jersey picks the mapper of
 * the closest exception type and, between equally close ones, the higher priority: so there is one mapper for each
 * type Camunda maps (ProcessEngineException, RestException, the two Jackson ones, Throwable) plus Jackson's common
 * parent (a nesting-depth refusal is neither of the two), each ranked before Camunda's.
 */
public final class EngineProblemMappers {

    /** Lower is preferred; Camunda's handlers carry none (Jersey ranks them 5000). */
    static final int BEFORE_CAMUNDA = 100;

    private EngineProblemMappers() {
    }

    /** Every mapper, to register on a Jersey application. */
    public static Set<Class<?>> all() {
        return Set.of(Engine.class, Rest.class, JsonMapping.class, JsonParse.class, Json.class, Anything.class);
    }

    /**
     * One problem answer for every exception type: JAX-RS picks the mapper of the most specific type, so each type
     * Camunda maps itself needs a mapper of its own, all answering the same way.
     */
    abstract static class ToProblem<E extends Throwable> implements ExceptionMapper<E> {
        @Override
        public Response toResponse(E exception) {
            return EngineProblem.of(exception).response();
        }
    }

    @Priority(BEFORE_CAMUNDA)
    public static class Engine extends ToProblem<ProcessEngineException> {
    }

    @Priority(BEFORE_CAMUNDA)
    public static class Rest extends ToProblem<RestException> {
    }

    @Priority(BEFORE_CAMUNDA)
    public static class JsonMapping extends ToProblem<JsonMappingException> {
    }

    @Priority(BEFORE_CAMUNDA)
    public static class JsonParse extends ToProblem<JsonParseException> {
    }

    @Priority(BEFORE_CAMUNDA)
    public static class Json extends ToProblem<JsonProcessingException> {
    }

    @Priority(BEFORE_CAMUNDA)
    public static class Anything extends ToProblem<Throwable> {
    }
}
