package org.relay.enginerest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.relay.common.ConflictException;
import org.relay.common.FieldProblem;
import org.relay.common.ForbiddenException;
import org.relay.common.InvalidRequestException;
import org.relay.common.LifecycleInputException;
import org.relay.common.ProblemTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the engine's REST API answers for an exception: a user's mistake is a 4xx problem JSON with a plain message
 * (no ENGINE-xxxxx code, no exception class, no stack trace); only what is the server's own failure (database
 * down, a bug in a listener) stays 500, and then without any detail beyond "it failed, nothing changed".
 * <p>
 * Camunda answers 500 for most engine exceptions: its REST resources wrap them in a RestException(500), and plain
 * ProcessEngineExceptions are how the engine refuses many inputs. So the cause chain decides, most telling first.
 */
record EngineProblem(int status, String detail, List<FieldProblem> errors) {

    private static final Logger log = LoggerFactory.getLogger(EngineProblem.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEM_JSON = "application/problem+json";

    /** PostgreSQL's SQL states for a transaction it gave up: serialization failure, deadlock, lock not available. */
    private static final Set<String> GIVEN_UP = Set.of("40001", "40P01", "55P03");
    private static final Pattern ENGINE_CODE = Pattern.compile("ENGINE-\\d+\\s*");
    /** A Java class name with its colon, as Throwable.toString() puts it in front of a wrapped cause's message. */
    private static final Pattern JAVA_TYPE =
            Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ");
    /** Camunda's REST wrappers: "Cannot complete task abc: " + the engine's message. */
    private static final Pattern REST_PREFIX = Pattern.compile("^Cannot [^:]{1,200}: ");

    static EngineProblem of(Throwable thrown) {
        List<Throwable> chain = Stream.iterate(thrown, Objects::nonNull, Throwable::getCause).limit(32).toList();

        Optional<LifecycleInputException> refused = first(chain, LifecycleInputException.class);
        if (refused.isPresent()) {
            // a task or start form's listener refused the input: its message is the answer, the field when it names one
            return new EngineProblem(400, refused.get().getMessage(), refused.get().fieldProblems());
        }
        Optional<InvalidRequestException> invalid = first(chain, InvalidRequestException.class);
        if (invalid.isPresent()) {
            List<FieldProblem> problems = invalid.get().problems();
            return new EngineProblem(400, String.join("; ", problems.stream()
                    .map(p -> p.field() + ": " + p.message()).toList()), problems);
        }
        if (first(chain, SQLException.class).map(SQLException::getSQLState).filter(GIVEN_UP::contains).isPresent()
                || first(chain, OptimisticLockingException.class).isPresent()) {
            return new EngineProblem(409, ProblemTexts.text("problem.engine.try-again"), List.of());
        }
        if (isServerFailure(chain)) {
            return serverFailure(thrown);
        }
        Optional<AuthorizationException> denied = first(chain, AuthorizationException.class);
        if (denied.isPresent()) {
            return new EngineProblem(403, plain(denied.get().getMessage()), List.of());
        }
        Optional<TaskAlreadyClaimedException> claimed = first(chain, TaskAlreadyClaimedException.class);
        if (claimed.isPresent()) {
            return new EngineProblem(409, ProblemTexts.text("problem.engine.already-claimed",
                    claimed.get().getTaskAssignee()), List.of());
        }
        if (first(chain, SuspendedEntityInteractionException.class).isPresent()
                || first(chain, ConflictException.class).isPresent()) {
            return new EngineProblem(409, plain(innermostMessage(chain)), List.of());
        }
        if (first(chain, ForbiddenException.class).isPresent()) {
            return new EngineProblem(403, plain(innermostMessage(chain)), List.of());
        }
        if (first(chain, NotFoundException.class).isPresent()
                || first(chain, org.relay.common.NotFoundException.class).isPresent()
                || first(chain, NullValueException.class).filter(e -> isAbout(e, "cannot find", "not found",
                "does not exist")).isPresent()) {
            return new EngineProblem(404, plain(innermostMessage(chain)), List.of());
        }
        if (thrown instanceof WebApplicationException web) {
            return fromStatus(web.getResponse().getStatus(), web);
        }
        if (thrown instanceof RestException rest && rest.getStatus() != null
                && rest.getStatus().getFamily() == Response.Status.Family.CLIENT_ERROR) {
            return new EngineProblem(rest.getStatus().getStatusCode(), plain(rest.getMessage()), List.of());
        }
        if (first(chain, JsonProcessingException.class).isPresent()) {
            return new EngineProblem(400, ProblemTexts.text("problem.engine.bad-json"), List.of());
        }
        if (isClientMistake(chain)) {
            return new EngineProblem(400, plain(innermostMessage(chain)), List.of());
        }
        return serverFailure(thrown);
    }

    /** The body Camunda's own web apps and API clients read: problem JSON, with {@code message} as they expect it. */
    Response response() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title());
        body.put("status", status);
        body.put("detail", detail);
        body.put("message", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        try {
            return Response.status(status).type(PROBLEM_JSON).entity(JSON.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String title() {
        return switch (status) {
            case 400 -> ProblemTexts.text("problem.title.invalid");
            case 403 -> ProblemTexts.text("problem.title.forbidden");
            case 404 -> ProblemTexts.text("problem.title.not-found");
            case 409 -> ProblemTexts.text("problem.title.conflict");
            case 500 -> ProblemTexts.text("problem.engine.server-error-title");
            default -> Optional.ofNullable(Response.Status.fromStatusCode(status))
                    .map(Response.Status::getReasonPhrase).orElse("Error");
        };
    }

    /**
     * The server's own failure: the database refused or is gone, the JVM ran out of something, or a listener failed
     * with something other than an engine refusal (a bug, not the caller's input).
     */
    private static boolean isServerFailure(List<Throwable> chain) {
        return chain.stream().anyMatch(e -> e instanceof SQLException || e instanceof Error
                || e.getClass().getName().startsWith("org.apache.ibatis.")
                || e.getClass().getName().startsWith("org.springframework.dao.")
                || e.getClass().getName().startsWith("org.springframework.transaction."));
    }

    /**
     * The engine refusing what was asked: its validation exceptions, and a plain ProcessEngineException it raised
     * itself (no foreign exception underneath: a NullPointerException in a listener is a bug, not a refusal).
     */
    private static boolean isClientMistake(List<Throwable> chain) {
        boolean validation = chain.stream().anyMatch(e -> e instanceof BadUserRequestException
                || e instanceof NotValidException || e instanceof FormFieldValidationException
                || e instanceof ParseException || e instanceof MigrationPlanValidationException
                || e instanceof MigratingProcessInstanceValidationException
                || e instanceof IllegalArgumentException && isInJacksonOrRest(e));
        boolean engineOnly = chain.stream().allMatch(e -> e instanceof ProcessEngineException || e instanceof RestException);
        return validation || engineOnly;
    }

    private static boolean isInJacksonOrRest(Throwable e) {
        return e.getStackTrace().length > 0 && (e.getStackTrace()[0].getClassName().startsWith("com.fasterxml.")
                || e.getStackTrace()[0].getClassName().startsWith("org.camunda.bpm.engine.rest."));
    }

    private static EngineProblem fromStatus(int status, Throwable thrown) {
        if (status >= 500) {
            return serverFailure(thrown);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return new EngineProblem(status, known != null ? known.getReasonPhrase() : ProblemTexts.text("problem.engine.refused"), List.of());
    }

    private static EngineProblem serverFailure(Throwable thrown) {
        log.error("Engine REST request failed on the server's side", thrown);
        return new EngineProblem(500, ProblemTexts.text("problem.engine.server-failed"), List.of());
    }

    /** The engine's own words, deepest first: Camunda's REST wrapper only repeats them behind "Cannot …: ". */
    private static String innermostMessage(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = chain.get(i).getMessage();
            if (message != null && !message.isBlank()) {
                return message;
            }
        }
        return ProblemTexts.text("problem.engine.refused");
    }

    /** Without engine codes; Camunda's wrappers repeat the inner message, so keep what follows the last code. */
    static String plain(String message) {
        if (message == null || message.isBlank()) {
            return ProblemTexts.text("problem.engine.refused");
        }
        String text = message;
        int code = text.lastIndexOf("ENGINE-");
        if (code >= 0) {
            String prefix = REST_PREFIX.matcher(text).lookingAt() ? text.substring(0, code) : "";
            text = prefix + ENGINE_CODE.matcher(text.substring(code)).replaceFirst("");
        }
        // a wrapped cause prints as "org.camunda.bpm.engine.SomeException: its message": keep the message
        return JAVA_TYPE.matcher(ENGINE_CODE.matcher(text).replaceAll("")).replaceAll("").trim();
    }


    private static boolean isAbout(Throwable e, String... words) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return Stream.of(words).anyMatch(message::contains);
    }

    private static <T> Optional<T> first(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
