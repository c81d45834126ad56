package org.relay.monitoring;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.Operator;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * /actuator/prometheus on PostgreSQL: the monitoring account (relay-operators) and administrators scrape it; Camunda's
 * engine and job-executor metrics and Relay's business counters are in it and move with what happens.
 */
class MonitoringTest extends RelayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    ReferralIntake intake;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void operatorAccount() {
        Operator.ensure(identityService);
    }

    @Test
    void an_operator_scrapes_engine_and_business_metrics() {
        String before = scrape(Operator.USER, Operator.PASSWORD);
        Assertions.assertThat(before).contains(
                "# TYPE camunda_incidents_open gauge", "camunda_jobs_due ", "camunda_jobs_due_oldest_seconds ",
                "camunda_jobs_no_retries ", "camunda_jobs_acquired_total ", "camunda_jobs_executed_total ",
                "camunda_jobs_failed_total ", "camunda_jobs_rejected_total ", "camunda_process_instances_started_total ",
                "relay_mails_total{outcome=\"failed\"}", "relay_import_rows_total{outcome=\"duplicate\"}",
                "relay_sla_breaches_total{sla=\"review-unclaimed\"}", "relay_escalations_total{kind=\"review\"}",
                "jvm_memory_used_bytes");

        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(kiara.getProcessInstanceId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(kiara.getProcessInstanceId())
                .activityId("Timer_ReviewEscalation").singleResult().getId());
        // on the review task that the escalation handed to the managers
        runtimeService.createIncident("relayMonitoringProbe", taskService.createTaskQuery()
                .processInstanceId(kiara.getProcessInstanceId()).singleResult().getExecutionId(), "probe", "probe");
        managementService.reportDbMetricsNow();   // the engine writes its meters every 15 minutes otherwise

        String after = scrape("demo", "demo");   // administrators scrape too
        Assertions.assertThat(value(after, "relay_intake_referrals_total{channel=\"COLLEAGUE\"}"))
                .isEqualTo(value(before, "relay_intake_referrals_total{channel=\"COLLEAGUE\"}") + 1);
        Assertions.assertThat(value(after, "relay_referrals_routed_total{basis=\"" + kiara.getRoutingBasis() + "\"}"))
                .isEqualTo(value(before, "relay_referrals_routed_total{basis=\"" + kiara.getRoutingBasis() + "\"}") + 1);
        Assertions.assertThat(value(after, "relay_mails_total{outcome=\"sent\"}"))
                .isEqualTo(value(before, "relay_mails_total{outcome=\"sent\"}") + 1);
        Assertions.assertThat(value(after, "relay_escalations_total{kind=\"review\"}"))
                .isEqualTo(value(before, "relay_escalations_total{kind=\"review\"}") + 1);
        Assertions.assertThat(value(after, "camunda_incidents_open")).as("refreshed on every scrape in tests")
                .isEqualTo(value(before, "camunda_incidents_open") + 1);
        Assertions.assertThat(value(after, "camunda_process_instances_started_total"))
                .isGreaterThan(value(before, "camunda_process_instances_started_total"));
        Assertions.assertThat(value(after, "camunda_jobs_executed_total"))
                .isGreaterThan(value(before, "camunda_jobs_executed_total"));
    }

    @Test
    void nobody_else_reads_the_metrics_and_health_stays_open() {
        Assertions.assertThat(get(null, null, "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        Assertions.assertThat(get("ryan", "ryan", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(get("jackie", "jackie", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(get(Operator.USER, Operator.PASSWORD, "/actuator/metrics").getStatusCode()).isEqualTo(HttpStatus.OK);
        // the operator reads monitoring, not referrals nor the other actuator endpoints
        Assertions.assertThat(get(Operator.USER, Operator.PASSWORD, "/actuator/info").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Assertions.assertThat(get(Operator.USER, Operator.PASSWORD, "/api/reports").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> health = get(null, null, "/actuator/health");
        Assertions.assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        Assertions.assertThat(health.getBody()).contains("\"status\":\"UP\"").doesNotContain("mail");
    }

    private String scrape(String user, String password) {
        ResponseEntity<String> answer = get(user, password, "/actuator/prometheus");
        Assertions.assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        try {
            Files.writeString(Path.of("target", "prometheus-scrape.txt"), answer.getBody());   // to look at after the build
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer.getBody();
    }

    /** java.net.http, not the suite's TestRestTemplate: that one signs in as the administrator unless told. */
    private ResponseEntity<String> get(String user, String password, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return ResponseEntity.status(answer.statusCode()).body(answer.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sample's value: the line that starts with the metric name and its labels exactly as given. */
    private static double value(String scrape, String series) {
        return Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no " + series + " in the scrape: " + Arrays.stream(scrape.split("\n"))
                        .filter(line -> line.startsWith(series.replaceAll("\\{.*", ""))).toList()));
    }
}
