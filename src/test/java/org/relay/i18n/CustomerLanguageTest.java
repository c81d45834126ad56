package org.relay.i18n;

import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A referral created through the API says which language the customer speaks; their mail and page speak it. */
class CustomerLanguageTest extends RelayIntegrationTest {

    private static final Pattern STATUS_LINK = Pattern.compile("(/public/status/[A-Za-z0-9_-]+)");

    @Autowired
    TestRestTemplate rest;

    @Test
    void the_customer_hears_from_the_bank_in_the_language_the_advisor_gave() throws Exception {
        ResponseEntity<String> created = create("""
                {"kind":"REFERRAL","recordType":"PERSON_REFERRAL","expressedInterest":"MORTGAGE","sourceChannel":"COLLEAGUE",
                 "customer":{"type":"PERSON","name":"Amélie Roux","email":"amelie@mail.example","statusUpdates":true,
                             "language":"fr-CA"},
                 "referrer":{"type":"INTERNAL_USER","id":"ryan"}}""");

        Assertions.assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        Assertions.assertThat(created.getBody()).contains("\"language\":\"fr\"");
        MimeMessage confirmation = mailsTo("amelie@mail.example").get(0);
        Assertions.assertThat(confirmation.getSubject()).contains("nous avons bien reçu votre demande REF-");
        Matcher link = STATUS_LINK.matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(confirmation)
                .replace("=\r\n", "").replace("=3D", "="));
        Assertions.assertThat(link.find()).isTrue();
        HttpHeaders english = new HttpHeaders();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        Assertions.assertThat(rest.exchange(link.group(1), HttpMethod.GET, new HttpEntity<>(english), String.class).getBody())
                .contains("lang=\"fr\"");
    }

    @Test
    void a_language_relay_does_not_speak_is_refused_naming_the_field() {
        ResponseEntity<String> refused = create("""
                {"kind":"REFERRAL","recordType":"PERSON_REFERRAL","expressedInterest":"MORTGAGE","sourceChannel":"COLLEAGUE",
                 "customer":{"type":"PERSON","name":"Omar Reyes","email":"omar.k@mail.example","language":"tlh"},
                 "referrer":{"type":"INTERNAL_USER","id":"ryan"}}""");

        Assertions.assertThat(refused.getStatusCode().value()).isEqualTo(400);
        Assertions.assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        Assertions.assertThat(refused.getBody()).contains("\"field\":\"customer.language\"").contains("en, fr, de");
    }

    private ResponseEntity<String> create(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("ryan", "ryan");
        return rest.exchange("/api/referrals", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
