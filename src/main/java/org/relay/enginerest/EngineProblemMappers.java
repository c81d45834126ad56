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

    @Priority(BEFORE_CAMUNDA)
    public static class Engine implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return EngineProblem.of(exception).response();
        }
    }

    @Priority(BEFORE_CAMUNDA)
    public static class Rest implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return EngineProblem.of(exception).response();
        }
    }

    @Priority(BEFORE_CAMUNDA)
    public static class JsonMapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return EngineProblem.of(exception).response();
        }
    }

    @Priority(BEFORE_CAMUNDA)
    public static class JsonParse implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return EngineProblem.of(exception).response();
        }
    }

    @Priority(BEFORE_CAMUNDA)
    public static class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            return EngineProblem.of(exception).response();
        }
    }

    @Priority(BEFORE_CAMUNDA)
    public static class Anything implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            return EngineProblem.of(exception).response();
        }
    }
}
