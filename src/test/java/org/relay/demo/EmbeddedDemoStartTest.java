package org.relay.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.reliability.RelayNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The run command's database: everything else in the suite runs on PostgreSQL, but `mvn spring-boot:run` starts on
 * H2, and a migration only PostgreSQL understands once broke it unnoticed. This starts the embedded demo as its own
 * process (the engine registers itself under one name per JVM) and walks the first steps of the README's tour.
 */
class EmbeddedDemoStartTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_embedded_demo_starts_and_bob_accepts_kiaras_referral() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "embedded-demo"));
        RelayNode demo = RelayNode.embeddedDemo(logs);
        demo.start();
        try {
            JsonNode bobs = awaitKiaraIn(demo, "bob", "/api/users/bob/open-referrals?sort=priority");
            Assertions.assertThat(bobs.findValuesAsText("customer")).as("Bob's open referrals").contains("Kiara Thompson");

            JsonNode tasks = get(demo, "bob", "/engine-rest/task?assignee=bob");
            Assertions.assertThat(tasks.findValuesAsText("taskDefinitionKey")).contains("Task_ReviewReferral");
            JsonNode queue = get(demo, "jackie", "/api/queues/retail-lending/open-referrals?sort=priority");
            Assertions.assertThat(queue.findValuesAsText("customer")).contains("Kiara Thompson");
            JsonNode funnel = get(demo, "jackie", "/api/reports/funnel");
            Assertions.assertThat(funnel.get("rows")).as("the funnel over the demo history").isNotEmpty();
            Assertions.assertThat(status(demo, "/camunda/app/tasklist/")).isEqualTo(200);

            // the tour's next step, through the API instead of the Review form: Bob accepts
            String kiara = bobs.findParents("customer").stream()
                    .filter(row -> row.get("customer").asText().equals("Kiara Thompson"))
                    .findFirst().orElseThrow().get("referenceNumber").asText();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(demo.url("/api/referrals/"
                            + kiara + "/review"))).header("Authorization", basic("bob"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"ACCEPT\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Assertions.assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            Assertions.assertThat(get(demo, "bob", "/api/referrals/" + kiara).get("status").asText()).isEqualTo("ACCEPTED");
        } finally {
            demo.stop();
        }
    }

    /** The demo seeds its referrals once the application is ready, a moment after health answers. */
    private JsonNode awaitKiaraIn(RelayNode demo, String user, String path) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        JsonNode page = get(demo, user, path);
        while (!page.findValuesAsText("customer").contains("Kiara Thompson")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            page = get(demo, user, path);
        }
        return page;
    }

    private JsonNode get(RelayNode demo, String user, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(demo.url(path)))
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The demo users' password is their user id. */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private int status(RelayNode demo, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(demo.url(path))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
