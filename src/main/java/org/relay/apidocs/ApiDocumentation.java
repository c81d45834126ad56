package org.relay.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * Relay's API described at /v3/api-docs, browsable at /swagger-ui.html (anonymous, like /actuator/health: the
 * description holds no data, and an integrator reads it before having an account). Every handler of Relay's own
 * controllers is in it (ApiDocumentationTest fails otherwise), grouped by feature package; the problem responses
 * each operation can give are added here by rule, since Relay's exception handlers (common/ProblemResponses) answer
 * for every controller alike.
 */
@Configuration
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String SESSION = "webappSession";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Feature package → what its operations are for (the tags of the description). */
    private static final Map<String, String> FEATURES = Map.ofEntries(
            Map.entry("referral", "Referrals: one referral, the list and search (X-Total-Count), the CSV export, the"
                    + " link from a mail to the referral's task"),
            Map.entry("intake", "Creating referrals (Idempotency-Key), duplicates (merge, keep both), CSV imports"),
            Map.entry("activity", "Activities on a referral (calls, meetings, notes, shared with its referrer or not);"
                    + " open-referral work lists of a user and of a queue"),
            Map.entry("review", "The owner's review: accept or reject a referral"),
            Map.entry("routing", "Queues and their managers, recipients' capacity, advocates, customers' advisors;"
                    + " managers' reassignment and SLA re-plan; colleagues' names"),
            Map.entry("conversion", "Opportunities and their outcome, reopening a closed referral, referrer statistics"),
            Map.entry("scoring", "Lead-score models and their training; referrer scores and the leaderboard"),
            Map.entry("analytics", "Reports (JSON or CSV) and the referrals behind each bar"),
            Map.entry("audit", "The audit trail (compliance, administrators)"),
            Map.entry("dataprotection", "Consent texts and the right to erasure (compliance, administrators)"),
            Map.entry("catalog", "The codes Relay accepts: record types, products, channels, reasons, currencies"),
            Map.entry("standing", "Referrals I sent and where each stands, as JSON and as a page"),
            Map.entry("webform", "The public web-to-lead page: an HTML form without sign-in, with a CSRF token"),
            Map.entry("emailaction", "One-click Accept / Reject pages opened from mails: the signed link is the"
                    + " credential"),
            Map.entry("customerstatus", "The customer's status page and its links: re-send, revoke, the customer's"
                    + " message and withdrawal"),
            Map.entry("meeting", "Meeting times the owner offers and the customer books, moves or cancels"),
            Map.entry("referrerview", "Advocates' and partners' signed links to the referrals they sent"),
            Map.entry("referrerpreference", "How often a referrer hears about their referrals"),
            Map.entry("sla", "Re-planning a referral's SLA deadlines"),
            Map.entry("rewards", "Referral rewards: a referrer's own rewards, the ledger, managers' decisions and"
                    + " reversals, reports by person and branch, payout batches as CSV"),
            Map.entry("i18n", "Languages: each colleague's own language for pages and mails (problems and labels"
                    + " follow Accept-Language)"),
            Map.entry("webapplocale", "Camunda's webapps' locale files: their chrome and Relay's texts per language"));

    private static final String DESCRIPTION = """
            Relay's own REST API: referrals, their routing, review, work and outcome, reports, administration.

            **Signing in.** Every `/api/**` operation needs a Camunda user: HTTP Basic (`basicAuth`), or for reading
            (GET) the session of a user signed into Tasklist or Cockpit (`webappSession`). What a user may see and do
            follows their groups and the referral (README, "Security"; docs/operations.md, "Who may do what"): a
            referral they may not see answers 404, an action they may not take 403. The public web form
            (`/public/**`) and the mails' action pages (`/actions/**`) need no sign-in; they answer with HTML pages.

            **Problems.** Every refusal is `application/problem+json` (RFC 9457): `400` names each field at fault in
            `errors` (`field` is the JSON path or parameter name), `401` asks for a sign-in, `403` says who may,
            `404` is a referral (or other record) that does not exist for the caller, `409` a conflict with the data
            (it changed meanwhile, a duplicate, a state that forbids the action): reload and try again.

            **The process engine.** Camunda's own REST API at `/engine-rest` (Tasklist and Cockpit use it) is not
            described here: see its
            [OpenAPI reference](https://docs.camunda.org/rest/camunda-bpm-platform/7.24/) (also published as the Maven artifact `org.camunda.bpm:camunda-engine-rest-openapi`). It shows and
            changes no more than Relay's rules allow.
            """;

    /** The README's example: Ryan refers his client Rachel for a mortgage. */
    private static final Map<String, Object> CREATE_EXAMPLE = Map.of(
            "kind", "REFERRAL", "recordType", "PERSON_REFERRAL",
            "customer", Map.of("type", "PERSON", "name", "Rachel Adams", "phone", "+1 555 0123",
                    "email", "rachel@mail.example", "city", "Springfield", "region", "Central"),
            "expressedInterest", "MORTGAGE", "interestValue", Map.of("amount", 380000, "currency", "USD"),
            "sourceChannel", "COLLEAGUE", "referrer", Map.of("type", "INTERNAL_USER", "id", "ryan"),
            "notes", "Looking at houses in the spring");

    @Bean
    OpenAPI relayOpenApi(@Value("${relay.api-docs.version:development}") String version) {
        return new OpenAPI()
                .info(new Info().title("Relay API").version(version).description(DESCRIPTION)
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .tags(FEATURES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(feature -> new Tag().name(feature.getKey()).description(feature.getValue())).toList())
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A Camunda user and password (Relay's users are Camunda's)"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The session of a user signed into Tasklist or Cockpit: reading (GET) only"))
                        .addSchemas("FieldProblem", new ObjectSchema()
                                .description("One field at fault: its JSON path or parameter name, and what is wrong")
                                .addProperty("field", new StringSchema().example("customer.email"))
                                .addProperty("message", new StringSchema().example("must be a well-formed email address"))
                                .required(List.of("field", "message")))
                        .addSchemas("Problem", new ObjectSchema()
                                .description("RFC 9457 problem details, with the fields at fault where a field is")
                                .addProperty("type", new StringSchema().example("about:blank"))
                                .addProperty("title", new StringSchema().example("Invalid request"))
                                .addProperty("status", new IntegerSchema().example(400))
                                .addProperty("detail", new StringSchema()
                                        .example("customer.email: must be a well-formed email address"))
                                .addProperty("instance", new StringSchema().example("/api/referrals"))
                                .addProperty("errors", new ArraySchema()
                                        .items(new Schema<>().$ref("#/components/schemas/FieldProblem"))))
                        .addResponses("BadRequest", problem("Invalid request: `errors` names each field or"
                                + " parameter at fault"))
                        .addResponses("Unauthorized", problem("Not signed in, or a wrong user or password"))
                        .addResponses("Forbidden", problem("Signed in, but the user's groups or their part in the"
                                + " referral do not allow this; the detail says who may"))
                        .addResponses("NotFound", problem("No such record, or one the caller may not see"))
                        .addResponses("Conflict", problem("The data changed meanwhile or forbids this now (a"
                                + " duplicate, a closed or open referral, a claimed task): reload and try again")));
    }

    /**
     * Groups each operation under its feature package (the tags above) instead of its controller's class name, and
     * names it by feature and method ({@code intakeCreate}, {@code rewardsCreate}): an operation's id is what client
     * generators name their methods after, so it must not change when another feature adds a method of the same name
     * (springdoc would number them in the order it finds them: {@code create}, {@code create_1}).
     */
    @Bean
    OperationCustomizer featureTags() {
        return (operation, handler) -> {
            String feature = handler.getBeanType().getPackageName().substring("org.relay.".length());
            feature = feature.contains(".") ? feature.substring(0, feature.indexOf('.')) : feature;
            operation.setTags(List.of(feature));
            io.swagger.v3.oas.annotations.Operation named = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (named == null || named.operationId().isBlank()) {
                String method = handler.getMethod().getName();
                operation.setOperationId(feature + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            }
            return operation;
        };
    }

    /** Who may call each operation, and the problem responses it can give. */
    @Bean
    OpenApiCustomizer signInAndProblems() {
        return openApi -> {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
            // a real referral instead of examples generated from the fields' patterns
            Schema<?> create = openApi.getComponents().getSchemas().get("CreateReferralRequest");
            if (create != null) {
                create.example(CREATE_EXAMPLE);
            }
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean isPublic = path.startsWith("/public/") || path.startsWith("/actions/");
        if (isPublic) {
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(method == PathItem.HttpMethod.GET
                    ? List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION))
                    : List.of(new SecurityRequirement().addList(BASIC)));
        }
        if (!path.startsWith("/api/")) {
            return;   // the pages answer with HTML, not problem JSON
        }
        var responses = operation.getResponses();
        boolean hasInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        if (hasInput) {
            responses.addApiResponse("400", ref("BadRequest"));
        }
        responses.addApiResponse("401", ref("Unauthorized"));
        responses.addApiResponse("403", ref("Forbidden"));
        if (path.contains("{")) {
            responses.addApiResponse("404", ref("NotFound"));
        }
        if (method != PathItem.HttpMethod.GET) {
            responses.addApiResponse("409", ref("Conflict"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static ApiResponse ref(String name) {
        return new ApiResponse().$ref("#/components/responses/" + name);
    }
}
