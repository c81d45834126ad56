package org.relay.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Issue #26, item 3: /actuator/health reports the business calendars (application.yaml: New York's holidays from the
 * holiday library), with details for administrators only.
 */
class CalendarHealthEndpointTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void health_lists_each_calendars_holiday_source_for_administrators() throws Exception {
        JsonNode admin = new ObjectMapper().readTree(rest.getForObject("/actuator/health", String.class));
        JsonNode calendars = admin.at("/components/calendars");
        Assertions.assertThat(calendars.get("status").asText()).isEqualTo("UP");
        Assertions.assertThat(calendars.at("/details/default/holidays").asText()).isEqualTo("US-NY (Jollyday)");
        Assertions.assertThat(calendars.at("/details/north/holidays").asText()).isEqualTo("US-NY (Jollyday) + 1 extra day");
        Assertions.assertThat(calendars.at("/details/default/holidaysUntil").asText()).isEqualTo("no end (rules)");

        String anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rest.getRootUri()
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Assertions.assertThat(anonymous).contains("\"UP\"").doesNotContain("calendars");
    }

    @Autowired
    HttpCodeStatusMapper statusCodes;

    @Test
    void a_calendar_warning_keeps_the_node_in_service_and_a_node_down_still_answers_503() {
        // Relay maps WARNING itself; a custom mapping replaces Spring Boot's defaults, so they are restated
        Assertions.assertThat(statusCodes.getStatusCode(new Status("WARNING"))).isEqualTo(200);
        Assertions.assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
        Assertions.assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
        Assertions.assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
    }
}
