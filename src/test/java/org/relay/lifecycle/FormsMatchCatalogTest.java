package org.relay.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogEntry;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Tasklist forms are deployed with the process, and their picklists offer exactly the codes the lifecycle
 * accepts (relay.catalog.*): a form offering a reason the listener refuses would trap the user.
 */
class FormsMatchCatalogTest extends RelayIntegrationTest {

    @Autowired
    Catalog catalog;

    @Autowired
    ObjectMapper json;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void reject_reasons_in_the_review_form_are_the_catalogs() throws IOException {
        Assertions.assertThat(selectValues("forms/review-referral.form", "rejectReason"))
                .containsExactlyElementsOf(codes(catalog.rejectReasons()));
    }

    @Test
    void close_reasons_in_the_work_form_are_the_catalogs() throws IOException {
        Assertions.assertThat(selectValues("forms/work-referral.form", "closeReason"))
                .containsExactlyElementsOf(codes(catalog.closeReasons()));
    }

    @Test
    void the_start_forms_picklists_are_the_catalogs() throws IOException {
        String form = "forms/new-referral.form";
        Assertions.assertThat(selectValues(form, "recordType")).containsExactlyElementsOf(codes(catalog.recordTypes()));
        Assertions.assertThat(selectValues(form, "expressedInterest")).containsExactlyElementsOf(codes(catalog.products()));
        Assertions.assertThat(selectValues(form, "sourceChannel")).containsExactlyElementsOf(codes(catalog.sourceChannels()));
        Assertions.assertThat(selectValues(form, "interestCurrency")).containsExactlyElementsOf(catalog.currencies());
        Assertions.assertThat(selectValues(form, "lawfulBasis")).containsExactlyElementsOf(codes(catalog.lawfulBases()));
    }

    @Test
    void both_forms_are_deployed_for_tasklist() {
        Assertions.assertThat(repositoryService.createDeploymentQuery().list().stream()
                        .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream()))
                .anyMatch(name -> name.endsWith("review-referral.form"))
                .anyMatch(name -> name.endsWith("work-referral.form"))
                .anyMatch(name -> name.endsWith("new-referral.form"));
    }

    private List<String> selectValues(String file, String key) throws IOException {
        JsonNode field = find(json.readTree(new File(file)).get("components"), key);
        Assertions.assertThat(field).as(key + " in " + file).isNotNull();
        List<String> values = new ArrayList<>();
        field.get("values").forEach(v -> values.add(v.get("value").asText()));
        return values;
    }

    private static JsonNode find(JsonNode components, String key) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
            if (component.has("components")) {
                JsonNode nested = find(component.get("components"), key);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static List<String> codes(List<CatalogEntry> entries) {
        return entries.stream().map(CatalogEntry::code).toList();
    }
}
