package org.relay.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/**
 * Turns bad input into 400 application/problem+json with an {@code errors} list naming each field. Titles, the details
 * written here and the generic field messages follow the caller's language (Accept-Language, i18n/messages
 * {@code problem.*}; Spring's own {@code problemDetail.*}); field names and codes never change.
 */
@RestControllerAdvice(basePackages = "org.relay")
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final MessageSource messages;

    ProblemResponses(MessageSource messages) {
        this.messages = messages;
    }

    /** PostgreSQL's SQL states for a transaction it gave up: serialization failure, deadlock, lock not available. */
    private static final Set<String> GIVEN_UP = Set.of("40001", "40P01", "55P03");

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
        if (!e.problems().isEmpty()) {
            problem.setProperty("errors", e.problems());
        }
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    /** A decision the lifecycle refuses (e.g. reject without a reason), reached through Relay's API. */
    @ExceptionHandler(LifecycleInputException.class)
    ProblemDetail lifecycleInput(LifecycleInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid", e.getMessage());
        if (!e.fieldProblems().isEmpty()) {
            problem.setProperty("errors", e.fieldProblems());
        }
        return problem;
    }

    /** Two people changed the same referral at once: the other one won; reloading shows what happened. */
    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail concurrentChange(OptimisticLockingException e) {
        return problem(HttpStatus.CONFLICT, "conflict", text("problem.detail.referral-changed"));
    }

    /** Two requests changed the same referral row at once (JPA version check): the other one won. */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrentRowChange(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "conflict", text("problem.detail.record-changed"));
    }

    /**
     * The database gave up one of two transactions that waited for each other (a deadlock, a lock timeout): typically
     * a request and a timer or mail job of the same referral. Nothing was saved; the same request again will do.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrentTransactions(ConcurrencyFailureException e) {
        log.info("Concurrent transactions, one given up: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", text("problem.detail.try-again"));
    }

    /** A last line of defence behind the field checks: the database refused the values (e.g. a duplicate key). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(DataIntegrityViolationException e) {
        log.warn("Database refused a request's values: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", text("problem.detail.refused-by-database"));
    }

    /** An upload that is not valid multipart/form-data. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> notMultipart(MultipartException e) {
        return badRequest(List.of(new FieldProblem("file", text("problem.field.not-multipart"))));
    }

    /**
     * The task or execution a request acted on was gone by the time the engine reached it: someone else completed or
     * moved the referral a moment before (Relay checks its own inputs before it calls the engine).
     */
    @ExceptionHandler({NullValueException.class, org.camunda.bpm.engine.exception.NotFoundException.class})
    ProblemDetail goneMeanwhile(ProcessEngineException e) {
        log.info("Engine object gone while a request acted on it: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", text("problem.detail.task-gone"));
    }

    /** The engine's own authorization check refused the acting user. */
    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail engineForbidden(AuthorizationException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    /** The lifecycle could not run (e.g. a misconfigured routing table): nothing was written, say what broke. */
    @ExceptionHandler(ProcessEngineException.class)
    ProblemDetail lifecycleFailed(ProcessEngineException e) {
        LifecycleInputException refused = refusedInput(e);
        if (refused != null) {
            // the engine wraps what a task listener throws (ENGINE-03051); the refusal itself is the answer
            return lifecycleInput(refused);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException refusal) {
                return engineForbidden(refusal);   // a task listener's refusal (only the assignee decides a review)
            }
        }
        if (givenUpByDatabase(e)) {
            log.info("Concurrent transactions in the engine, one given up: {}", e.getMessage());
            return problem(HttpStatus.CONFLICT, "conflict", text("problem.detail.try-again"));
        }
        log.error("Process engine failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "lifecycle-failure",
                text("problem.detail.lifecycle-failure", e.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return badRequest(problems);
    }

    /** Constraints on path variables and request parameters (e.g. an id longer than Relay stores). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e,
                                                                           @NonNull HttpHeaders headers,
                                                                           @NonNull HttpStatusCode status,
                                                                           @NonNull WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return badRequest(problems);
    }

    /**
     * A path segment that converts to nothing (e.g. {@code /api/opportunities/%20}): Spring answers 400 but with a
     * problem body that says 500; name the segment instead.
     */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(@NonNull MissingPathVariableException e,
                                                               @NonNull HttpHeaders headers,
                                                               @NonNull HttpStatusCode status,
                                                               @NonNull WebRequest request) {
        if (e.isMissingAfterConversion()) {
            return badRequest(List.of(new FieldProblem(e.getVariableName(), text("problem.field.blank"))));
        }
        return super.handleMissingPathVariable(e, headers, status, request);
    }

    /**
     * A request parameter or path segment that does not convert to its type (e.g. {@code ?status=BOGUS},
     * {@code ?limit=many}): named in {@code errors} like every other field.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException e, @NonNull HttpHeaders headers,
                                                        @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        if (e instanceof MethodArgumentTypeMismatchException argument) {
            // a list or array parameter: say what each value must be
            ResolvableType declared = ResolvableType.forMethodParameter(argument.getParameter());
            Class<?> element = declared.isArray() ? declared.getComponentType().resolve()
                    : declared.asCollection() != ResolvableType.NONE ? declared.asCollection().resolveGeneric(0) : null;
            type = element != null ? element : type;
        }
        return badRequest(List.of(new FieldProblem(name == null ? "parameter" : name,
                type == null ? text("problem.type.wrong") : BodyTypeProblems.mustBe(type))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException e,
                                                                          @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status,
                                                                          @NonNull WebRequest request) {
        return badRequest(List.of(new FieldProblem(e.getParameterName(), text("problem.field.required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(List.of(new FieldProblem(path(mapping), mappingMessage(mapping))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                text("problem.detail.malformed-body"));
        problem.setTitle(text("problem.title.malformed-body"));
        return ResponseEntity.badRequest().body(problem);
    }

    private static LifecycleInputException refusedInput(Throwable e) {
        return causes(e).filter(LifecycleInputException.class::isInstance).map(LifecycleInputException.class::cast)
                .findFirst().orElse(null);
    }

    private static boolean givenUpByDatabase(Throwable e) {
        return causes(e).anyMatch(cause -> cause instanceof SQLException sql && GIVEN_UP.contains(sql.getSQLState()));
    }

    /** The exception and its causes, outermost first (a bounded walk: cause chains can loop). */
    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause).limit(32);
    }

    /** A title from the bundles ({@code problem.title.<key>}) in the caller's language (Accept-Language). */
    private ProblemDetail problem(HttpStatus status, String titleKey, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(text("problem.title." + titleKey));
        return problem;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
    }

    private ResponseEntity<Object> badRequest(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        problem.setTitle(text("problem.title.invalid"));
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private String mappingMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return text("problem.type.unknown-field");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return format.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return text("problem.common.one-of", Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            return text("problem.type.valid", format.getTargetType().getSimpleName().toLowerCase());
        }
        return text("problem.type.wrong");
    }
}
