package org.relay.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Locale;

/**
 * What Relay stores as codes — the lead score's factors, the routing reason, timeline sentences — is worded in the
 * reader's language when read; rows stored in English before show as they were.
 */
class StoredSentencesTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    StoredSentences sentences;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_stored_sentence_keeps_its_arguments_whatever_they_hold() {
        String stored = StoredSentence.of("routing.reason.rule-named", "Home | lending \\ north", "Bob Chen");
        Assertions.assertThat(StoredSentence.parse(stored)).hasValue(new StoredSentence("routing.reason.rule-named",
                List.of("Home | lending \\ north", "Bob Chen")));
        Assertions.assertThat(sentences.word(stored, Locale.ENGLISH))
                .isEqualTo("Routing rule \"Home | lending \\ north\" names Bob Chen");
        Assertions.assertThat(sentences.word(stored, Locale.GERMAN))
                .isEqualTo("Zuteilungsregel „Home | lending \\ north“ nennt Bob Chen");
        // a sentence inside a sentence: the escalation and its duration, each in the reader's language
        String escalated = StoredSentence.of("timeline.escalated", "Alice Romero",
                org.relay.sla.Durations.readable(java.time.Duration.ofHours(51)), "Referral managers");
        Assertions.assertThat(sentences.word(escalated, Locale.ENGLISH))
                .isEqualTo("Escalated: Alice Romero did not accept or reject it for 2 d 3 h → their managers, Referral managers");
        Assertions.assertThat(sentences.word(escalated, Locale.FRENCH)).isEqualTo("Escaladée\u00a0: Alice Romero ne l’a ni"
                + " acceptée ni refusée en 2\u00a0j 3\u00a0h → ses responsables, Referral managers");
        // a person's note, English from before, nothing: as it was
        Assertions.assertThat(sentences.word("Mike knows the developer", Locale.FRENCH)).isEqualTo("Mike knows the developer");
        Assertions.assertThat(sentences.word(null, Locale.FRENCH)).isNull();
    }

    @Test
    void nobody_makes_their_own_text_read_as_one_of_relays_sentences() {
        String fake = StoredSentence.of("routing.reason.rule-named", "Priority clients", "Bob Chen");
        // a name or a note inside a sentence stays as written, however it looks
        String merged = StoredSentence.of("timeline.merged-into-this", "REF-000001", fake, "MORTGAGE");
        Assertions.assertThat(sentences.word(merged, java.util.Locale.ENGLISH)).contains(fake)
                .doesNotContain("Routing rule \"Priority clients\" names");
        // a person's own line on the timeline is stored as written, never parsed
        String note = StoredSentence.asWritten(fake);
        Assertions.assertThat(StoredSentence.parse(note)).isEmpty();
        Assertions.assertThat(sentences.word(note, java.util.Locale.ENGLISH)).isEqualTo(note).endsWith(fake);
        Assertions.assertThat(StoredSentence.asWritten("Called her, she will come in")).isEqualTo("Called her, she will come in");
        // Relay's own nested sentences are still worded (a duration inside an escalation)
        String escalated = StoredSentence.of("timeline.escalated", "Bob Chen", StoredSentence.of("duration.days", 2), "Managers");
        Assertions.assertThat(sentences.word(escalated, java.util.Locale.ENGLISH)).doesNotContain("i18n:");
    }

    @Test
    void the_score_factors_and_the_routing_reason_follow_the_readers_language() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(kiara.getProcessInstanceId());
        Referral stored = referrals.findById(kiara.getId()).orElseThrow();
        // kept as codes, not as words
        Assertions.assertThat(stored.getLeadScoreFactors()).contains("kind=REFERRAL +10");
        Assertions.assertThat(stored.getRoutingReason()).startsWith("i18n:routing.reason.");

        JsonNode english = referral(kiara, "en");
        Assertions.assertThat(english.at("/scoring/factors").asText()).contains("referred by someone +10");
        Assertions.assertThat(english.get("routingReason").asText()).startsWith("Routing rule \"");
        Assertions.assertThat(timelineDetails(english)).anySatisfy(d -> Assertions.assertThat(d).startsWith("Routing rule \""));

        JsonNode french = referral(kiara, "fr-FR,fr");
        Assertions.assertThat(french.at("/scoring/factors").asText()).contains("recommandé par un tiers +10")
                .doesNotContain("referred");
        Assertions.assertThat(french.get("routingReason").asText()).startsWith("Règle d’attribution «")
                .doesNotContain("Routing rule");
        Assertions.assertThat(timelineDetails(french)).noneSatisfy(d -> Assertions.assertThat(d).contains("i18n:"))
                .noneSatisfy(d -> Assertions.assertThat(d).contains("Routing rule"));

        JsonNode german = referral(kiara, "de");
        Assertions.assertThat(german.at("/scoring/factors").asText()).contains("von jemandem empfohlen +10");
        Assertions.assertThat(german.get("routingReason").asText()).startsWith("Zuteilungsregel „");
    }

    @Test
    void rows_stored_in_english_before_show_as_they_were() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(kiara.getProcessInstanceId());
        jdbc.update("update referral set lead_score_factors = ?, routing_reason = ? where id = ?",
                "interest value 250k+ +12, referred by someone +10, no phone −6",
                "Routing rule \"Home lending\" → Retail Lending; Alice Romero had the fewest open referrals (0 of 25)",
                kiara.getId());

        JsonNode french = referral(kiara, "fr");
        Assertions.assertThat(french.at("/scoring/factors").asText())
                .isEqualTo("interest value 250k+ +12, referred by someone +10, no phone −6");
        Assertions.assertThat(french.get("routingReason").asText())
                .isEqualTo("Routing rule \"Home lending\" → Retail Lending; Alice Romero had the fewest open referrals (0 of 25)");
    }

    private JsonNode referral(Referral referral, String language) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("ryan", "ryan");
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return json.readTree(rest.exchange("/api/referrals/" + referral.getReferenceNumber(), HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody());
    }

    private static List<String> timelineDetails(JsonNode referral) {
        return referral.path("timeline").findValuesAsText("detail");
    }
}
