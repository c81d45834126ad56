package org.relay.common;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import jakarta.validation.Validator;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jackson stops at the first value of the wrong type (an unknown enum constant, text where a number or date belongs),
 * so a request used to learn of one problem at a time. While Relay reads a request body, such a value becomes null and
 * a {@link FieldProblem} instead; once the body is read, the request is refused with those problems and every other
 * problem of the body (the feature's {@link RequestBodyChecks}, else Bean Validation) together. Outside request
 * bodies (engine variables, files) Jackson behaves as before.
 */
@ControllerAdvice(basePackages = "org.relay")
class BodyTypeProblems extends RequestBodyAdviceAdapter {

    private static final String COLLECTED = BodyTypeProblems.class.getName() + ".collected";

    private final List<RequestBodyChecks> checks;
    private final Validator validator;

    BodyTypeProblems(List<RequestBodyChecks> checks, Validator validator) {
        this.checks = checks;
        this.validator = validator;
    }

    @Bean
    static Jackson2ObjectMapperBuilderCustomizer collectWrongTypesInRequestBodies() {
        return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new Collector()));
    }

    @Override
    public boolean supports(@NonNull MethodParameter parameter, @NonNull Type targetType,
                            @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    @NonNull
    public HttpInputMessage beforeBodyRead(@NonNull HttpInputMessage input, @NonNull MethodParameter parameter,
                                           @NonNull Type targetType,
                                           @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(COLLECTED, new ArrayList<FieldProblem>(), RequestAttributes.SCOPE_REQUEST);
        }
        return input;
    }

    @Override
    @NonNull
    public Object afterBodyRead(@NonNull Object body, @NonNull HttpInputMessage input, @NonNull MethodParameter parameter,
                                @NonNull Type targetType, @NonNull Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldProblem> wrongTypes = stopCollecting();
        if (wrongTypes.isEmpty()) {
            return body;
        }
        Set<String> named = wrongTypes.stream().map(FieldProblem::field).collect(Collectors.toSet());
        List<FieldProblem> all = new ArrayList<>(wrongTypes);
        // a value that became null also breaks its @NotNull: the type problem already says what is wrong
        otherProblems(body).stream().filter(p -> !named.contains(p.field())).forEach(all::add);
        all.sort(Comparator.comparing(FieldProblem::field));
        throw new InvalidRequestException(all);
    }

    private List<FieldProblem> otherProblems(Object body) {
        return checks.stream().filter(c -> c.appliesTo(body.getClass())).findFirst()
                .map(c -> c.problems(body))
                .orElseGet(() -> validator.validate(body).stream()
                        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> collecting() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (List<FieldProblem>) request.getAttribute(COLLECTED, RequestAttributes.SCOPE_REQUEST);
    }

    private static List<FieldProblem> stopCollecting() {
        List<FieldProblem> collected = collecting();
        RequestContextHolder.currentRequestAttributes().removeAttribute(COLLECTED, RequestAttributes.SCOPE_REQUEST);
        return collected == null ? List.of() : collected;
    }

    /** Records a value of the wrong type and reads it as null, while a request body is being read. */
    static final class Collector extends DeserializationProblemHandler {

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                                             String failureMessage) {
            return collect(context, targetType);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                                             String failureMessage) {
            return collect(context, targetType);
        }

        private static Object collect(DeserializationContext context, Class<?> targetType) {
            List<FieldProblem> collected = collecting();
            if (collected == null || targetType.isPrimitive()) {
                return NOT_HANDLED;
            }
            collected.add(new FieldProblem(path(context.getParser().getParsingContext()), mustBe(targetType)));
            return null;
        }
    }

    /** "customer.type", "sharedWith[2]": the JSON path of the value being read. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }

    /** What a value of this type must be, in the words of every other field problem. */
    static String mustBe(Class<?> type) {
        if (type.isEnum()) {
            return ProblemTexts.text("problem.common.one-of", Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == int.class
                || type == long.class || type == short.class) {
            return ProblemTexts.text("problem.type.whole-number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return ProblemTexts.text("problem.type.boolean");
        }
        if (Number.class.isAssignableFrom(type)) {
            return ProblemTexts.text("problem.type.number");
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return ProblemTexts.text("problem.type.temporal", type.getSimpleName().toLowerCase());
        }
        return ProblemTexts.text("problem.type.valid", type.getSimpleName().toLowerCase());
    }
}
