package org.relay.webapplocale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.relay.support.WebappSession;
import org.relay.tasklist.TasklistFilters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task, process and filter names: stable in the engine, in the viewer's language in Tasklist and Cockpit (the
 * webapps' engine API), unchanged on /engine-rest.
 */
class EngineNamesInViewersLanguageTest extends RelayIntegrationTest {

    private static final String API = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Autowired
    ReferralIntake intake;

    @Autowired
    MessageSource messages;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void tasklist_shows_the_review_task_and_my_referrals_in_french_and_german() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        Task review = reviewTask(kiara);
        WebappSession recipient = WebappSession.logIn(port, review.getAssignee());

        JsonNode french = body(recipient.get(API + "/task?processInstanceId=" + review.getProcessInstanceId(),
                "Accept-Language", "fr-FR,fr;q=0.9,en;q=0.8"));
        // French typography: a no-break space before the colon; the product in the catalog's French (its configured
        // label where the catalog bundle has no French for it)
        assertThat(french.get(0).get("name").asText())
                .isEqualTo("Examiner la recommandation\u00a0: Kiara Thompson, " + mortgageIn(Locale.FRENCH));
        assertThat(french.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_ReviewReferral");

        JsonNode german = body(recipient.get(API + "/task/" + review.getId(), "Accept-Language", "de-CH"));
        assertThat(german.get("name").asText()).isEqualTo("Empfehlung prüfen: Kiara Thompson, " + mortgageIn(Locale.GERMAN));

        JsonNode english = body(recipient.get(API + "/task/" + review.getId(), "Accept-Language", "en-US,fr;q=0.5"));
        assertThat(english.get("name").asText()).isEqualTo("Review referral: Kiara Thompson, Mortgage");
        // Camunda's webapps take the first language only: Spanish first means English, whatever follows
        JsonNode spanish = body(recipient.get(API + "/task/" + review.getId(), "Accept-Language", "es-ES,fr;q=0.9"));
        assertThat(spanish.get("name").asText()).isEqualTo("Review referral: Kiara Thompson, Mortgage");

        JsonNode filters = body(recipient.get(API + "/filter?resourceType=Task&itemCount=true", "Accept-Language", "fr"));
        JsonNode mine = find(filters, "Mes recommandations");
        assertThat(mine.get("properties").get("description").asText()).contains("attribuées");
        assertThat(labels(mine)).contains("Référence", "Client", "Besoin", "Dernière activité");

        // Tasklist runs a filter with a POST and reads HAL: the tasks inside are translated too
        JsonNode listed = body(recipient.post(API + "/filter/" + mine.get("id").asText() + "/list?firstResult=0&maxResults=15",
                "{}", "Accept", "application/hal+json", "Accept-Language", "fr-FR"));
        assertThat(listed.get("_embedded").get("task").get(0).get("name").asText()).startsWith("Examiner la recommandation\u00a0: ");
    }

    @Test
    void the_list_columns_values_are_shown_in_the_viewers_language() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        Task review = reviewTask(kiara);
        WebappSession recipient = WebappSession.logIn(port, review.getAssignee());
        JsonNode filters = body(recipient.get(API + "/filter?resourceType=Task", "Accept-Language", "en"));
        String mine = find(filters, TasklistFilters.MY_REFERRALS).get("id").asText();
        String columns = "{\"processInstanceId\":\"" + review.getProcessInstanceId() + "\","
                + "\"variableNames\":[\"listInterest\",\"listValue\",\"listLastActivity\",\"listCustomer\"]}";

        Map<String, String> french = columns(body(recipient.post(API + "/filter/" + mine + "/list?firstResult=0&maxResults=15",
                columns, "Accept", "application/hal+json", "Accept-Language", "fr-FR")));
        assertThat(french).containsEntry("listInterest", mortgageIn(Locale.FRENCH))
                .containsEntry("listValue", "450\u202f000\u00a0USD")   // as French writes it
                .containsEntry("listLastActivity", "aucune pour l'instant")
                .containsEntry("listCustomer", "Kiara Thompson");   // names stay as they are

        Map<String, String> german = columns(body(recipient.post(API + "/filter/" + mine + "/list?firstResult=0&maxResults=15",
                columns, "Accept", "application/hal+json", "Accept-Language", "de")));
        assertThat(german).containsEntry("listValue", "450.000\u00a0USD").containsEntry("listLastActivity", "noch keine");

        Map<String, String> english = columns(body(recipient.post(API + "/filter/" + mine + "/list?firstResult=0&maxResults=15",
                columns, "Accept", "application/hal+json", "Accept-Language", "en-GB")));
        assertThat(english).containsEntry("listInterest", "Mortgage").containsEntry("listValue", "USD 450,000")
                .containsEntry("listLastActivity", "none yet");
    }

    /** The catalog's label of the mortgage in a language, as Relay's catalog bundle has it (else the configured one). */
    private String mortgageIn(Locale language) {
        return messages.getMessage("catalog.product.MORTGAGE", null, "Mortgage", language);
    }

    /** The list columns' values Tasklist shows: HAL's tasks with their embedded variables. */
    private static Map<String, String> columns(JsonNode hal) {
        Map<String, String> values = new HashMap<>();
        hal.findValues("variable").forEach(list -> list.forEach(v -> values.put(v.get("name").asText(), v.get("value").asText())));
        assertThat(values).as("variables in %s", hal).isNotEmpty();
        return values;
    }

    @Test
    void the_start_dialog_names_new_referral_in_french_and_the_engine_keeps_its_stable_names() throws Exception {
        WebappSession advisor = WebappSession.logIn(port, "ryan");
        JsonNode startable = body(advisor.get(API + "/process-definition?latestVersion=true&startableInTasklist=true"
                + "&startablePermissionCheck=true", "Accept-Language", "fr-FR"));
        assertThat(names(startable, "name")).contains("Nouvelle recommandation").doesNotContain("New referral");

        Task review = reviewTask(intake.create(RelayTestData.kiarasMortgage()));
        HttpResponse<String> engineRest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/task/" + review.getId()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "fr-FR").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(body(engineRest).get("name").asText()).isEqualTo("Review referral: Kiara Thompson, Mortgage");
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getName())
                .isEqualTo("Review referral: Kiara Thompson, Mortgage");
        assertThat(processEngine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_REFERRALS).count())
                .isEqualTo(1);
    }

    private Task reviewTask(Referral referral) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(data.reload(referral).getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult();
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode find(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (name.equals(filter.get("name").asText())) {
                return filter;
            }
        }
        throw new AssertionError("No filter " + name + " in " + filters);
    }

    private static List<String> labels(JsonNode filter) {
        List<String> labels = new ArrayList<>();
        filter.get("properties").get("variables").forEach(column -> labels.add(column.get("label").asText()));
        return labels;
    }

    private static List<String> names(JsonNode items, String field) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get(field).asText()));
        return names;
    }
}
