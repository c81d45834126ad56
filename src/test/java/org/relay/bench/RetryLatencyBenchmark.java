package org.relay.bench;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relay.engine.RetryWakesJobExecutor;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long Cockpit's Retry on a failed job takes to run it (mvn -B -Pbench verify -Dtest=RetryLatencyBenchmark):
 * the node's job executor runs with Camunda's idle back-off (5 s doubling to 60 s, as in production); a job fails
 * once (an incident), the node then idles for relay.bench.retry-idle seconds (default 80: the back-off has reached
 * its 60 s), and the retry is sent as Cockpit sends it ({@code PUT /engine-rest/job/{id}/retries}, administrator).
 * Measured: from the retry's answer to the job's successful end. Baseline (relay.engine.wake-on-retry off) and
 * wake-up on retry alternate, relay.bench.retry-rounds (default 3) times each, in the same run.
 * Results: target/benchmarks/retry-latency.md.
 */
@Tag("benchmark")
class RetryLatencyBenchmark extends RelayIntegrationTest {

    static final int ROUNDS = Integer.getInteger("relay.bench.retry-rounds", 3);
    static final int IDLE_SECONDS = Integer.getInteger("relay.bench.retry-idle", 80);
    static final AtomicBoolean FAIL = new AtomicBoolean(true);

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RetryWakesJobExecutor wakeOnRetry;
    @Autowired
    TestRestTemplate rest;

    /** A step that fails while the "mail server" is down, like a mail job during an SMTP outage. */
    public static class FlakyStep implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            if (FAIL.get()) {
                throw new IllegalStateException("still down");
            }
        }
    }

    @Test
    void retry_latency_with_and_without_waking_the_job_executor() throws Exception {
        repository.createDeployment().addModelInstance("retry-latency.bpmn", Bpmn.createExecutableProcess("RetryLatency")
                .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Flaky").camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R1/PT1S").camundaClass(FlakyStep.class.getName()).endEvent().done())
                .deploy();
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getJobExecutor();
        StringBuilder report = new StringBuilder("# Retry latency\n\njob executor: wait " + jobExecutor.getWaitTimeInMillis()
                + " ms, max-wait " + jobExecutor.getMaxWait() + " ms, factor " + jobExecutor.getWaitIncreaseFactor()
                + "; idle before each retry " + IDLE_SECONDS + " s\n\n| round | wake-on-retry | retry → job done (ms) |\n|---|---|---|\n");
        List<Long> baseline = new ArrayList<>();
        List<Long> woken = new ArrayList<>();
        jobExecutor.start();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                for (boolean wake : new boolean[]{false, true}) {
                    wakeOnRetry.setEnabled(wake);
                    long millis = oneRetry();
                    (wake ? woken : baseline).add(millis);
                    report.append("| ").append(round).append(" | ").append(wake ? "on" : "off (baseline)").append(" | ")
                            .append(millis).append(" |\n");
                    System.out.println("retry latency, wake-on-retry " + wake + ": " + millis + " ms");
                }
            }
        } finally {
            jobExecutor.shutdown();
            wakeOnRetry.setEnabled(true);
        }
        report.append("\nbaseline: ").append(summary(baseline)).append("\nwake-on-retry: ").append(summary(woken)).append('\n');
        Path out = Path.of("target", "benchmarks", "retry-latency.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** One failed job, an idle node, a retry: milliseconds from the retry's answer to the job's end. */
    private long oneRetry() throws Exception {
        FAIL.set(true);
        String instance = runtime.startProcessInstanceByKey("RetryLatency").getId();
        Job job = await(() -> {
            Job current = management.createJobQuery().processInstanceId(instance).singleResult();
            return current != null && current.getRetries() == 0 ? current : null;
        }, 120_000);
        Thread.sleep(IDLE_SECONDS * 1000L);
        FAIL.set(false);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        rest.exchange("/engine-rest/job/" + job.getId() + "/retries", HttpMethod.PUT,
                new HttpEntity<>("{\"retries\": 1}", json), String.class);
        long retried = System.nanoTime();
        await(() -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0 ? Boolean.TRUE : null,
                180_000);
        return (System.nanoTime() - retried) / 1_000_000;
    }

    private static <T> T await(java.util.function.Supplier<T> condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Timed out after " + timeoutMillis + " ms");
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "min " + sorted.get(0) + " ms, median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms (" + sorted.size() + " retries)";
    }
}
