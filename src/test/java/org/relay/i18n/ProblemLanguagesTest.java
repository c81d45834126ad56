package org.relay.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Issue #30: the same bad requests answered in English, French and German — detail and each errors[].message in
 * the caller's language (Accept-Language), errors[].field unchanged — on Relay's API and on the engine's REST API
 * (Tasklist's New referral form).
 */
class ProblemLanguagesTest extends RelayIntegrationTest {

    /** A referral without a way to reach the customer, an unknown record type and referrer, a control character. */
    private static final String UNREACHABLE = """
            {"kind": "REFERRAL", "recordType": "NO_SUCH_TYPE", "campaign": "spring\\u0007",
             "customer": {"type": "PERSON", "name": "Kiara Thompson"},
             "expressedInterest": "MORTGAGE", "sourceChannel": "COLLEAGUE",
             "referrer": {"type": "INTERNAL_USER", "id": "nobody-here"}}""";

    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void a_bad_referral_is_refused_in_the_callers_language_with_the_same_field_names() throws Exception {
        JsonNode en = problem(send("demo", "POST", "/api/referrals", UNREACHABLE, "en"), 400);
        JsonNode fr = problem(send("demo", "POST", "/api/referrals", UNREACHABLE, "fr-FR,fr;q=0.9"), 400);
        JsonNode de = problem(send("demo", "POST", "/api/referrals", UNREACHABLE, "de"), 400);

        for (JsonNode answer : new JsonNode[]{en, fr, de}) {
            Assertions.assertThat(answer.get("errors").findValuesAsText("field"))
                    .containsExactly("campaign", "customer", "recordType", "referrer.id");
        }
        Assertions.assertThat(message(en, "customer")).isEqualTo("needs a phone or an email so the recipient can reach the customer");
        Assertions.assertThat(message(fr, "customer")).isEqualTo("il faut un téléphone ou un e-mail pour que le destinataire puisse joindre le client");
        Assertions.assertThat(message(de, "customer")).startsWith("braucht eine Telefonnummer oder E-Mail-Adresse");
        // Relay's own Bean Validation message, from the same bundle
        Assertions.assertThat(message(en, "campaign")).isEqualTo("must not contain control characters");
        Assertions.assertThat(message(fr, "campaign")).isEqualTo("ne doit pas contenir de caractères de contrôle");
        Assertions.assertThat(message(de, "campaign")).isEqualTo("darf keine Steuerzeichen enthalten");
        Assertions.assertThat(message(fr, "recordType")).startsWith("doit être l’une des valeurs suivantes : ").contains("PERSON_REFERRAL");
        Assertions.assertThat(message(de, "referrer.id")).isEqualTo("ist kein bekannter Benutzer: nobody-here");
        // the detail names the same fields with the worded messages
        Assertions.assertThat(fr.get("title").asText()).isEqualTo("Requête invalide");
        Assertions.assertThat(fr.get("detail").asText()).contains("customer: il faut un téléphone");
        Assertions.assertThat(de.get("detail").asText()).contains("referrer.id: ist kein bekannter Benutzer");
    }

    @Test
    void an_unknown_referral_is_not_found_in_the_callers_language() throws Exception {
        Assertions.assertThat(problem(send("demo", "GET", "/api/referrals/REF-NOPE-1", null, "fr"), 404)
                .get("detail").asText()).isEqualTo("Aucune recommandation n’a le numéro de référence REF-NOPE-1");
        Assertions.assertThat(problem(send("demo", "GET", "/api/referrals/REF-NOPE-1", null, "de"), 404)
                .get("detail").asText()).isEqualTo("Keine Empfehlung hat die Referenznummer REF-NOPE-1");
        Assertions.assertThat(problem(send("demo", "GET", "/api/referrals/REF-NOPE-1", null, null), 404)
                .get("detail").asText()).isEqualTo("No referral with reference number REF-NOPE-1");
    }

    @Test
    void tasklists_new_referral_form_is_answered_in_the_webapps_language() throws Exception {
        String start = "/engine-rest/process-definition/key/NewReferralProcess/submit-form";
        String noContact = """
                {"variables": {
                  "kind": {"value": "REFERRAL", "type": "String", "valueInfo": {"transient": true}},
                  "recordType": {"value": "PERSON_REFERRAL", "type": "String", "valueInfo": {"transient": true}},
                  "customerType": {"value": "PERSON", "type": "String", "valueInfo": {"transient": true}},
                  "customerName": {"value": "Kiara Thompson", "type": "String", "valueInfo": {"transient": true}},
                  "expressedInterest": {"value": "MORTGAGE", "type": "String", "valueInfo": {"transient": true}},
                  "sourceChannel": {"value": "COLLEAGUE", "type": "String", "valueInfo": {"transient": true}}}}""";
        JsonNode fr = problem(send("ryan", "POST", start, noContact, "fr"), 400);
        Assertions.assertThat(fr.get("detail").asText())
                .isEqualTo("customer: il faut un téléphone ou un e-mail pour que le destinataire puisse joindre le client");
        Assertions.assertThat(fr.get("errors").findValuesAsText("field")).containsExactly("customer");
        JsonNode de = problem(send("ryan", "POST", start, noContact, "de"), 400);
        Assertions.assertThat(de.get("detail").asText()).startsWith("customer: braucht eine Telefonnummer");

        String bogusKind = "{\"variables\":{\"kind\":{\"value\":\"BOGUS\",\"type\":\"String\",\"valueInfo\":{\"transient\":true}}}}";
        Assertions.assertThat(problem(send("ryan", "POST", start, bogusKind, "fr"), 400).get("detail").asText())
                .isEqualTo("kind: valeur inconnue : BOGUS");
    }

    private JsonNode problem(HttpResponse<String> answer, int status) throws Exception {
        Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        Assertions.assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        return json.readTree(answer.body());
    }

    private static String message(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String language)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
