package org.relay.security;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Fifty attempts to accept the same referral at once: exactly one wins, the others are told 409, none sees a 500. */
class ConcurrentReviewTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;

    @LocalServerPort
    int port;

    @Test
    void fifty_parallel_accepts_one_winner_the_rest_409() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // assigned to Alice for review
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        HttpRequest accept = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals/"
                        + kiara.getReferenceNumber() + "/review"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"ACCEPT\"}")).build();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(50);
        List<Future<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            attempts.add(clients.submit(() -> {
                start.await();
                return http.send(accept, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> attempt : attempts) {
            responses.add(attempt.get());
        }
        clients.shutdown();

        Map<Integer, Long> byStatus = responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                Collectors.counting()));
        Assertions.assertThat(byStatus).containsOnlyKeys(200, 409).containsEntry(200, 1L).containsEntry(409, 49L);
        Assertions.assertThat(responses.stream().filter(r -> r.statusCode() == 409).map(HttpResponse::body)
                .map(Function.identity())).allSatisfy(body -> Assertions.assertThat(body)
                .containsAnyOf("decided by someone else", "not waiting for review", "at the same moment"));
        Assertions.assertThat(data.reload(kiara).getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
        Assertions.assertThat(data.reload(kiara).getAcceptedAt()).isNotNull();
    }
}
