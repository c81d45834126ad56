package org.relay.bench;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relay.engine.EngineIndexes;
import org.relay.support.Parallel;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the engine's tables cost the job executor and task completion once there are many open referrals
 * (mvn -Pbench verify -Dtest=JobAcquisitionBenchmark): 100 000 open review tasks (-Drelay.bench.open), each with a
 * reminder and an escalation timer like Relay's review, so 200 000 timer jobs. Measured with Camunda's own indexes and
 * again with Relay's (EngineIndexes), p50/p99 over 200 calls: the job executor's acquisition query when nothing is due
 * (every poll of every node), the same while 10 000 timers are due (a burst), and completing a task (every accept,
 * reject and escalation). The baseline: a primary-key read of one job. Results: target/benchmarks/job-acquisition.md.
 */
@Tag("benchmark")
class JobAcquisitionBenchmark extends RelayIntegrationTest {

    static final int OPEN = Integer.getInteger("relay.bench.open", 100_000);
    static final int DUE = 10_000;

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void acquisition_and_completion_with_a_hundred_thousand_open_referrals() throws Exception {
        jdbc.execute("drop index if exists relay_job_due_idx, relay_job_locked_idx, relay_task_parent_idx");
        repository.createDeployment().addModelInstance("bench-review.bpmn", Bpmn.createExecutableProcess("BenchReview")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_BenchReview").camundaCandidateGroups("queue-1")
                .boundaryEvent("Timer_BenchReminder").cancelActivity(false).timerWithDuration("P1D").endEvent().moveToActivity("Task_BenchReview")
                .boundaryEvent("Timer_BenchEscalation").timerWithDuration("P2D").endEvent().moveToActivity("Task_BenchReview")
                .endEvent().done()).deploy();
        long started = System.nanoTime();
        Parallel.run(OPEN, 4, i -> runtime.startProcessInstanceByKey("BenchReview", "J-" + i));
        double startSeconds = (System.nanoTime() - started) / 1e9;
        jdbc.execute("vacuum analyze act_ru_job");
        jdbc.execute("vacuum analyze act_ru_task");
        long jobs = jdbc.queryForObject("select count(*) from act_ru_job", Long.class);
        Deque<String> open = new ArrayDeque<>(jdbc.queryForList("select id_ from act_ru_task where task_def_key_ = 'Task_BenchReview'"
                + " order by random() limit " + (4 * (WorkListBenchmark.SAMPLES + 20)), String.class));

        double[][] camunda = measure(open);
        long building = System.nanoTime();
        createRelayIndexes();
        double buildSeconds = (System.nanoTime() - building) / 1e9;
        double[][] relay = measure(open);

        String result = String.format("""
                %d open review tasks, %d timer jobs (a reminder and an escalation each); %s; %d cores.
                Instances started at %.0f/s (4 threads); Relay's indexes built in %.2f s. p50 / p99 in ms over %d calls.

                | question | Camunda's indexes | with Relay's (EngineIndexes) | p50 ratio |
                | --- | ---: | ---: | ---: |
                | baseline: one job by primary key | %.2f / %.2f | %.2f / %.2f | %.1f× |
                | job acquisition, nothing due (each poll of each node) | %.2f / %.2f | %.2f / %.2f | %.1f× |
                | job acquisition, %d timers due (30 per query, as configured) | %.2f / %.2f | %.2f / %.2f | %.1f× |
                | complete a review task (accept, reject, escalate) | %.2f / %.2f | %.2f / %.2f | %.1f× |
                """, OPEN, jobs, jdbc.queryForObject("select version()", String.class), Runtime.getRuntime().availableProcessors(),
                OPEN / startSeconds, buildSeconds, WorkListBenchmark.SAMPLES,
                camunda[0][0], camunda[0][1], relay[0][0], relay[0][1], camunda[0][0] / relay[0][0],
                camunda[1][0], camunda[1][1], relay[1][0], relay[1][1], camunda[1][0] / relay[1][0], DUE,
                camunda[2][0], camunda[2][1], relay[2][0], relay[2][1], camunda[2][0] / relay[2][0],
                camunda[3][0], camunda[3][1], relay[3][0], relay[3][1], camunda[3][0] / relay[3][0]);
        System.out.println(result);
        Path out = Path.of("target", "benchmarks", "job-acquisition.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
    }

    /** Baseline, idle acquisition, acquisition in a burst, completion: each {p50, p99}. */
    private double[][] measure(Deque<String> openTasks) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String someJob = jdbc.queryForObject("select id_ from act_ru_job limit 1", String.class);
        double[] baseline = WorkListBenchmark.sample(i -> processEngine.getManagementService().createJobQuery().jobId(someJob).singleResult());
        // the suite's own periodic jobs (rollups, digest) may be due: the first calls lock them, as a node would
        double[] idle = WorkListBenchmark.sample(i -> acquire(configuration));

        // a burst: DUE timers due now; each query locks what it takes, as the job executor does, and is released after
        jdbc.update("update act_ru_job set duedate_ = now() where id_ in (select id_ from act_ru_job order by id_ limit ?)", DUE);
        jdbc.execute("analyze act_ru_job");
        double[] burst = WorkListBenchmark.sample(i -> {
            if (acquire(configuration) == 0) {
                throw new IllegalStateException("no due job acquired in the burst");
            }
        });
        jdbc.update("update act_ru_job set duedate_ = now() + interval '1 day', lock_owner_ = null, lock_exp_time_ = null"
                + " where duedate_ <= now() or lock_owner_ is not null");
        jdbc.execute("analyze act_ru_job");

        double[] complete = WorkListBenchmark.sample(i -> tasks.complete(openTasks.pop()));
        return new double[][]{baseline, idle, burst, complete};
    }

    /** One acquisition as the job executor runs it (the jobs stay locked); returns how many it took. */
    private int acquire(ProcessEngineConfigurationImpl configuration) {
        AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(configuration.getJobExecutor(), 30));
        return acquired.size();
    }

    private void createRelayIndexes() throws Exception {
        EngineIndexes.create(dataSource);
        jdbc.execute("analyze act_ru_job");
        jdbc.execute("analyze act_ru_task");
    }
}
