package org.relay.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.CallerRunsRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the job executor's threads and queue are full, the jobs it acquired but could not hand over run on its
 * acquisition thread (what that saves: the escalation burst in docs/benchmarks.md). Here a job executor of one thread
 * and a queue of one takes ten jobs per acquisition, so most of every batch is rejected: each job still runs exactly
 * once, and some of them ran on the acquisition thread.
 */
class SaturatedJobExecutorTest extends RelayIntegrationTest {

    static final int JOBS = 40;
    /** Business key → the thread the job ran on, and how often it ran: written by the job itself. */
    static final ConcurrentMap<String, String> RAN_ON = new ConcurrentHashMap<>();
    static final ConcurrentMap<String, Integer> RUNS = new ConcurrentHashMap<>();

    /** The asynchronous step: notes where and how often it ran. */
    public static class NoteThread implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            RAN_ON.put(execution.getBusinessKey(), Thread.currentThread().getName());
            RUNS.merge(execution.getBusinessKey(), 1, Integer::sum);
        }
    }

    @Test
    void a_full_job_executor_runs_what_it_cannot_queue_on_its_acquisition_thread_each_job_once() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getJobExecutor().getRejectedJobsHandler()).isInstanceOf(CallerRunsRejectedJobsHandler.class);

        processEngine.getRepositoryService().createDeployment().addModelInstance("saturated.bpmn",
                Bpmn.createExecutableProcess("SaturatedJobExecutorProcess").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("Task_NoteThread").camundaAsyncBefore().camundaClass(NoteThread.class)
                        .userTask("Task_Done").endEvent().done()).deploy();
        for (int i = 0; i < JOBS; i++) {
            processEngine.getRuntimeService().startProcessInstanceByKey("SaturatedJobExecutorProcess", "S-" + i);
        }

        // the suite's engine has its job executor off; this one is Camunda's default executor, made tiny
        DefaultJobExecutor executor = (DefaultJobExecutor) configuration.getJobExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueSize(1);
        executor.setMaxJobsPerAcquisition(10);
        executor.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (taskCount() < JOBS && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        } finally {
            executor.shutdown();
        }

        assertThat(taskCount()).isEqualTo(JOBS);
        assertThat(RUNS).hasSize(JOBS).allSatisfy((key, runs) -> assertThat(runs).as(key).isEqualTo(1));
        assertThat(RAN_ON.values()).as("threads the jobs ran on").anyMatch(name -> name.startsWith("JobExecutor["));
        assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    }

    private long taskCount() {
        return processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_Done").count();
    }
}
