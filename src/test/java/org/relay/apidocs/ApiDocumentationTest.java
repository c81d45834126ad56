package org.relay.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * /v3/api-docs describes every handler of Relay's controllers, with the problem responses it can give, to anyone
 * (it holds no data). A new @GetMapping/@PostMapping… under org.relay that is missing from it fails this test.
 */
class ApiDocumentationTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void every_relay_controller_mapping_is_in_the_api_description() throws Exception {
        JsonNode paths = apiDocs().path("paths");
        Set<String> relayMappings = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.relay")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                for (String method : methods(info)) {
                    String operation = method + " " + path;
                    relayMappings.add(operation);
                    // the description writes {id} for a pattern's {id:regex}
                    if (paths.path(path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}")).path(method.toLowerCase()).isMissingNode()) {
                        missing.add(operation + " (" + handler + ")");
                    }
                }
            }
        });
        Assertions.assertThat(relayMappings).as("Relay's handler mappings").hasSizeGreaterThan(40)
                .contains("POST /api/referrals", "GET /api/referrals/{referenceNumber}", "GET /public/lead",
                        "POST /actions/{token}");
        Assertions.assertThat(missing).as("mappings missing from /v3/api-docs").isEmpty();
        Assertions.assertThat(paths.has("/engine-rest/task")).as("Camunda's REST API has its own description").isFalse();
    }

    @Test
    void operations_name_their_problem_responses_and_how_to_sign_in() throws Exception {
        JsonNode docs = apiDocs();
        Assertions.assertThat(docs.path("info").path("title").asText()).isEqualTo("Relay API");
        Assertions.assertThat(docs.path("info").path("version").asText()).isNotBlank();
        Assertions.assertThat(docs.path("info").path("description").asText())
                .contains("application/problem+json", "docs.camunda.org/rest/camunda-bpm-platform/7.24");
        JsonNode components = docs.path("components");
        Assertions.assertThat(components.path("securitySchemes").path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        Assertions.assertThat(components.path("securitySchemes").path("webappSession").path("in").asText()).isEqualTo("cookie");
        Assertions.assertThat(components.path("schemas").path("Problem").path("properties").path("errors")
                .path("items").path("$ref").asText()).isEqualTo("#/components/schemas/FieldProblem");
        for (String response : List.of("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict")) {
            Assertions.assertThat(components.path("responses").path(response).path("content")
                    .path("application/problem+json").path("schema").path("$ref").asText())
                    .as(response).isEqualTo("#/components/schemas/Problem");
        }

        JsonNode create = docs.path("paths").path("/api/referrals").path("post");
        Assertions.assertThat(create.path("tags").get(0).asText()).isEqualTo("intake");
        Assertions.assertThat(create.path("requestBody").path("content").path("application/json").path("schema")
                .path("$ref").asText()).endsWith("/CreateReferralRequest");
        Assertions.assertThat(responseCodes(create)).contains("400", "401", "403", "409").doesNotContain("404");
        Assertions.assertThat(create.path("responses").path("400").path("$ref").asText())
                .isEqualTo("#/components/responses/BadRequest");
        Assertions.assertThat(create.path("security").toString()).contains("basicAuth").doesNotContain("webappSession");

        JsonNode detail = docs.path("paths").path("/api/referrals/{referenceNumber}").path("get");
        Assertions.assertThat(responseCodes(detail)).contains("200", "401", "403", "404").doesNotContain("409");
        Assertions.assertThat(detail.path("security").toString()).contains("basicAuth", "webappSession");
        Assertions.assertThat(components.path("schemas").path("ReferralView").path("properties").has("referenceNumber")).isTrue();

        JsonNode webForm = docs.path("paths").path("/public/lead").path("post");
        Assertions.assertThat(webForm.path("security").isArray() && webForm.path("security").isEmpty())
                .as("the public form needs no sign-in").isTrue();
        Assertions.assertThat(responseCodes(webForm)).doesNotContain("401", "403");
    }

    @Test
    void each_operation_is_named_by_its_feature_and_method_not_by_the_order_springdoc_found_it() throws Exception {
        Set<String> ids = new TreeSet<>();
        apiDocs().path("paths").forEach(path -> path.forEach(operation -> {
            String id = operation.path("operationId").asText();
            Assertions.assertThat(id).as("no numbered duplicates").doesNotMatch(".*_\\d+");
            Assertions.assertThat(ids.add(id)).as("unique: " + id).isTrue();
        }));
        Assertions.assertThat(ids).contains("intakeCreate", "rewardsCreate", "referralList");
    }

    @Test
    void swagger_ui_serves_the_description_without_a_sign_in() {
        var redirect = http.getForEntity("/swagger-ui.html", String.class);
        Assertions.assertThat(redirect.getStatusCode().is3xxRedirection() || redirect.getStatusCode() == HttpStatus.OK)
                .as(redirect.toString()).isTrue();
        var page = http.getForEntity("/swagger-ui/index.html", String.class);
        Assertions.assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(page.getBody()).contains("Swagger UI");
        Assertions.assertThat(http.getForEntity("/v3/api-docs/swagger-config", String.class).getBody())
                .contains("/v3/api-docs");
    }

    private JsonNode apiDocs() throws Exception {
        var answer = http.getForEntity("/v3/api-docs", String.class);
        Assertions.assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        // kept for a look at the whole description (or a client generator) after the build
        Files.writeString(Path.of("target", "api-docs.json"), answer.getBody());
        return json.readTree(answer.getBody());
    }

    private static Set<String> methods(RequestMappingInfo info) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        Set<String> names = new TreeSet<>();
        (declared.isEmpty() ? Set.of(RequestMethod.GET) : declared).forEach(m -> names.add(m.name()));
        return names;
    }

    private static Set<String> responseCodes(JsonNode operation) {
        Set<String> codes = new TreeSet<>();
        operation.path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }
}
