package org.relay.security;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.common.ConflictException;
import org.relay.lifecycle.MovedMeanwhile;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEvent;
import org.relay.referral.ReferralEventRepository;
import org.relay.referral.ReferralEventType;
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
import java.util.stream.Collectors;

/**
 * Jackie hands a referral back and forth between Bob and Alice while its SLA is replanned and calls are logged, all at
 * once: each change waits for the one before it (the referral's lock) and applies to what that one left, so every
 * request succeeds. Before the lock, one in about seventy reassignments failed with a 500 half-way through the engine
 * (a listener reading a decision variable the concurrent request was replacing).
 */
class ConcurrentChangesTest extends RelayIntegrationTest {

    private static final int EACH = 15;
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes());

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralEventRepository events;

    @Autowired
    MovedMeanwhile movedMeanwhile;

    @LocalServerPort
    int port;

    @Test
    void reassignments_sla_replans_and_activities_at_once_all_apply_in_turn() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // waiting for Alice's review
        String base = "/api/referrals/" + kiara.getReferenceNumber();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            requests.add(post(base + "/reassignment", "{\"requestedBy\":\"jackie\",\"toUser\":\""
                    + (i % 2 == 0 ? "bob" : "alice") + "\",\"note\":\"balancing the load\"}"));
            requests.add(post(base + "/sla-replan", "{\"requestedBy\":\"jackie\"}"));
            requests.add(post(base + "/activities", "{\"type\":\"CALL\",\"subject\":\"Called Kiara\",\"durationMinutes\":5,"
                    + "\"recordedBy\":\"demo\"}"));
        }

        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (HttpRequest request : requests) {
            sent.add(clients.submit(() -> {
                start.await();
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<String> failures = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : sent) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() >= 300) {
                failures.add(response.request().uri().getPath() + " " + response.statusCode() + " " + response.body());
            }
        }
        clients.shutdown();

        Assertions.assertThat(failures).as("requests that did not apply").isEmpty();
        Map<ReferralEventType, Long> timeline = events.findByReferralIdOrderByOccurredAtAscIdAsc(kiara.getId()).stream()
                .collect(Collectors.groupingBy(ReferralEvent::getType, Collectors.counting()));
        Assertions.assertThat(timeline).containsEntry(ReferralEventType.REASSIGNED, (long) EACH)
                .containsEntry(ReferralEventType.SLA_REPLANNED, (long) EACH)
                .containsEntry(ReferralEventType.ACTIVITY, (long) EACH);
        List<Task> open = processEngine.getTaskService().createTaskQuery()
                .processInstanceId(kiara.getProcessInstanceId()).list();
        Assertions.assertThat(open).hasSize(1);
        Assertions.assertThat(open.get(0).getAssignee()).isIn("bob", "alice")
                .isEqualTo(data.reload(kiara).getOwnerId());
    }

    @Test
    void a_review_completed_in_tasklist_a_moment_before_is_a_409_for_the_api_not_whatever_the_engine_threw() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        TaskService tasks = processEngine.getTaskService();
        Task review = tasks.createTaskQuery().processInstanceId(kiara.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult();
        tasks.complete(review.getId(), Map.of("reviewDecision", "accept"));   // Alice, in Tasklist

        Assertions.assertThatThrownBy(() -> movedMeanwhile.guard(review, kiara.getReferenceNumber(),
                        () -> tasks.complete(review.getId(), Map.of("reviewDecision", "reassign", "reassignToUser", "bob"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("at the same moment");
        Assertions.assertThat(data.reload(kiara).getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
