package org.relay.monitoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Job;
import org.relay.common.WithoutEngineUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * Camunda's engine and job executor on /actuator/prometheus, read through the engine's public API (no engine
 * internals). Two kinds (docs/operations.md, "Monitoring"):
 * <ul>
 *   <li>gauges read live from the runtime tables: open incidents, jobs due and how long the oldest has waited, jobs
 *       out of retries — what an operator alerts on;</li>
 *   <li>counters from the engine's own metric table (ACT_RU_METER_LOG): jobs acquired, executed, failed… Every node
 *       writes its counts there every 15 minutes, so they are the whole cluster's, as of the last write.</li>
 * </ul>
 * Each value is read at most once per {@code relay.monitoring.engine-refresh} (15 s), however many scrapers ask.
 */
@Component
class EngineMetrics implements MeterBinder {

    /** Prometheus name (without _total) → the engine's metric name. */
    private static final List<String[]> ENGINE_COUNTERS = List.of(
            new String[]{"camunda.jobs.acquisition.attempts", Metrics.JOB_ACQUISITION_ATTEMPT,
                    "Job acquisition queries run by the job executors"},
            new String[]{"camunda.jobs.acquired", Metrics.JOB_ACQUIRED_SUCCESS, "Jobs acquired for execution"},
            new String[]{"camunda.jobs.acquired.failed", Metrics.JOB_ACQUIRED_FAILURE,
                    "Jobs another node acquired first (optimistic locking)"},
            new String[]{"camunda.jobs.rejected", Metrics.JOB_EXECUTION_REJECTED,
                    "Acquired jobs the job executor's threads had no room for"},
            new String[]{"camunda.jobs.executed", Metrics.JOB_SUCCESSFUL, "Jobs executed successfully"},
            new String[]{"camunda.jobs.failed", Metrics.JOB_FAILED, "Job executions that failed (each retry counts)"},
            new String[]{"camunda.jobs.locked.exclusive", Metrics.JOB_LOCKED_EXCLUSIVE,
                    "Exclusive jobs acquired together with another job of the same process instance"},
            new String[]{"camunda.process.instances.started", Metrics.ROOT_PROCESS_INSTANCE_START,
                    "Root process instances started"},
            new String[]{"camunda.decision.instances.executed", Metrics.EXECUTED_DECISION_INSTANCES,
                    "Decision table evaluations"});

    private final ManagementService management;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;
    private final Cache<String, Long> readings;

    EngineMetrics(ManagementService management, RuntimeService runtime, IdentityService identity, Clock clock,
                  @Value("${relay.monitoring.engine-refresh:PT15S}") Duration refresh) {
        this.management = management;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
        this.readings = Caffeine.newBuilder().expireAfterWrite(refresh).build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "camunda.incidents.open", null, "Open incidents (failed jobs out of retries and others)",
                () -> runtime.createIncidentQuery().count());
        gauge(registry, "camunda.jobs.due", null, "Jobs due now with retries left, not suspended (the backlog)",
                () -> management.createJobQuery().executable().active().count());
        gauge(registry, "camunda.jobs.due.oldest", "seconds", "How long the oldest due job has waited past its due date",
                this::oldestDueSeconds);
        gauge(registry, "camunda.jobs.no.retries", null, "Jobs out of retries (each has an incident in Cockpit)",
                () -> management.createJobQuery().noRetriesLeft().count());
        for (String[] counter : ENGINE_COUNTERS) {
            FunctionCounter.builder(counter[0], this, metrics -> metrics.read("meter:" + counter[1],
                            () -> management.createMetricsQuery().name(counter[1]).sum()))
                    .description(counter[2] + " (whole cluster, from the engine's metric table, written every 15 min)")
                    .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description, Supplier<Long> query) {
        Gauge.builder(name, this, metrics -> metrics.read(name, query)).description(description).baseUnit(unit)
                .register(registry);
    }

    private long oldestDueSeconds() {
        // jobs without a due date (async continuations) are left out: nothing says since when they wait
        List<Job> oldest = management.createJobQuery().executable().active().duedateLowerThan(Date.from(clock.instant()))
                .orderByJobDuedate().asc().listPage(0, 1);
        Date due = oldest.isEmpty() ? null : oldest.get(0).getDuedate();
        return due == null ? 0 : Math.max(0, Duration.between(due.toInstant(), clock.instant()).toSeconds());
    }

    /** A cached reading; the engine's queries run without a signed-in user's authorization filter. */
    private double read(String key, Supplier<Long> query) {
        return readings.get(key, any -> WithoutEngineUser.run(identity, query));
    }
}
