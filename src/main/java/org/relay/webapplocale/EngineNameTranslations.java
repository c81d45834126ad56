package org.relay.webapplocale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.relay.tasklist.TasklistFilters;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The names the engine keeps stable (BPMN task and process names, Tasklist filter names, in English) as the viewer
 * reads them: an engine answer's JSON with each known name replaced by its text from i18n/webapps —
 * {@code webapps.task.<task definition key or activity id>}, {@code webapps.process.<process definition key>},
 * {@code webapps.filter.…} for Relay's own Tasklist filters (matched by their stable name). A name without a key
 * (a process someone else deployed, a filter an administrator made) stays as it is.
 */
@Component
class EngineNameTranslations {

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final RelayWebappTexts texts;
    private final TaskListValuesInLanguage values;

    EngineNameTranslations(RelayWebappTexts texts, TaskListValuesInLanguage values) {
        this.texts = texts;
        this.values = values;
    }

    /** The answer with its names translated; the same bytes if it is not JSON Relay can read. */
    byte[] translate(byte[] answer, Locale language) throws IOException {
        JsonNode tree = json.readTree(answer);
        if (tree == null || !tree.isContainerNode()) {
            return answer;
        }
        walk(tree, language);
        return json.writeValueAsBytes(tree);
    }

    private void walk(JsonNode node, Locale language) {
        if (node.isObject()) {
            translateObject((ObjectNode) node, language);
        }
        node.forEach(child -> walk(child, language));   // HAL's _embedded, child activity instances, lists
    }

    private void translateObject(ObjectNode node, Locale language) {
        if (node.hasNonNull("taskDefinitionKey") && node.has("name")) {
            // a task's name may go on after its stable one ("Review referral: Kiara Thompson, Mortgage", ShowInTaskList):
            // the product there is translated too, after the language's colon ("Examiner la recommandation : …")
            replace(node, "name", "webapps.task." + node.get("taskDefinitionKey").asText(), language,
                    rest -> values.nameSuffix(rest, language));
        }
        if (node.has("name") && node.has("value") && node.has("type") && node.path("name").asText().startsWith("list")) {
            values.translateColumn(node, language);   // a list column's value on a task (HAL's embedded variables)
        }
        if (node.hasNonNull("activityId") && node.has("activityName")) {
            replace(node, "activityName", "webapps.task." + node.get("activityId").asText(), language);
        }
        if (node.hasNonNull("processDefinitionKey") && node.has("processDefinitionName")) {
            replace(node, "processDefinitionName", "webapps.process." + node.get("processDefinitionKey").asText(), language);
        }
        if (node.hasNonNull("key") && node.has("name") && node.has("resource")) {   // a process definition
            replace(node, "name", "webapps.process." + node.get("key").asText(), language);
        }
        if ("Task".equals(node.path("resourceType").asText()) && node.path("properties").isObject()) {
            translateFilter(node, language);
        }
    }

    /** Relay's filters (TasklistFilters): name, description and list columns. */
    private void translateFilter(ObjectNode filter, Locale language) {
        String name = filter.path("name").asText();
        String key = TasklistFilters.MY_REFERRALS.equals(name) ? "webapps.filter.myReferrals"
                : TasklistFilters.ALL_REFERRALS.equals(name) ? "webapps.filter.allReferrals"
                : name.startsWith(TasklistFilters.QUEUE_FILTER_PREFIX) ? "webapps.filter.queue" : null;
        if (key == null) {
            return;
        }
        String queue = name.startsWith(TasklistFilters.QUEUE_FILTER_PREFIX) ? name.substring(TasklistFilters.QUEUE_FILTER_PREFIX.length()) : "";
        texts.text(key, language).ifPresent(text -> filter.put("name", text.replace("{queue}", queue)));   // matched by name above
        ObjectNode properties = (ObjectNode) filter.get("properties");
        texts.text(key + ".description", language).ifPresent(text -> properties.put("description", text.replace("{queue}", queue)));
        properties.path("variables").forEach(column -> {
            if (column.isObject() && column.hasNonNull("name")) {
                replace((ObjectNode) column, "label", "webapps.filter.column." + column.get("name").asText(), language);
            }
        });
    }

    /** The field's stable English name, or the start of it, in the language; any other value stays. */
    private void replace(ObjectNode node, String field, String key, Locale language) {
        replace(node, field, key, language, UnaryOperator.identity());
    }

    /** As above, with what follows the stable name worded by {@code rest}. */
    private void replace(ObjectNode node, String field, String key, Locale language, UnaryOperator<String> rest) {
        String current = node.path(field).asText();
        Optional<String> english = texts.text(key, Locale.ENGLISH);
        if (english.isPresent() && current.startsWith(english.get())) {
            texts.text(key, language).ifPresent(text -> node.put(field,
                    text + rest.apply(current.substring(english.get().length()))));
        }
    }
}
