package org.relay.engine;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue #26, item 5: setting a job's retries (Cockpit's Retry, engine REST, ManagementService) wakes the job executor
 * once the change is committed; not when the command fails, not when switched off. The suite's job executor does
 * not run, so the engine gets one that records the wake-ups for the duration of the test (the latency itself is
 * measured by RetryLatencyBenchmark, not here).
 */
class RetryWakesJobExecutorTest extends RelayIntegrationTest {

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    RetryWakesJobExecutor wakeOnRetry;

    @Test
    void written_for_camunda_7_24_0() {
        Assertions.assertThat(ProductPropertiesUtil.getProductVersion())
                .as("RetryWakesJobExecutor hooks SetJobRetriesCmd and JobExecutor.jobWasAdded of Camunda 7.24.0: re-read"
                        + " them in the new version (does it hint on retries itself now?), then update this test")
                .isEqualTo("7.24.0");
    }

    @Test
    void a_committed_retry_wakes_the_job_executor_once() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        JobExecutor suites = configuration.getJobExecutor();
        WakeUps wakeUps = new WakeUps();
        configuration.setJobExecutor(wakeUps);
        try {
            repository.createDeployment().addModelInstance("retry-wake.bpmn", Bpmn.createExecutableProcess("RetryWake")
                    .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Wait").camundaAsyncBefore()
                    .camundaExpression("${true}").endEvent().done()).deploy();
            String instance = runtime.startProcessInstanceByKey("RetryWake").getId();
            Job job = management.createJobQuery().processInstanceId(instance).singleResult();
            management.setJobRetries(job.getId(), 0);
            wakeUps.count.set(0);   // the job's creation and the 0 itself hinted too

            management.setJobRetries(job.getId(), 1);
            Assertions.assertThat(wakeUps.count).as("Retry").hasValue(1);
            management.setJobRetries(1).jobId(job.getId()).execute();
            Assertions.assertThat(wakeUps.count).as("the fluent builder").hasValue(2);

            Assertions.assertThatThrownBy(() -> management.setJobRetries("no-such-job", 1))
                    .isInstanceOf(ProcessEngineException.class);
            Assertions.assertThat(wakeUps.count).as("a failed command commits nothing").hasValue(2);

            wakeOnRetry.setEnabled(false);
            management.setJobRetries(job.getId(), 1);
            Assertions.assertThat(wakeUps.count).as("switched off").hasValue(2);
        } finally {
            wakeOnRetry.setEnabled(true);
            configuration.setJobExecutor(suites);
        }
    }

    /** Camunda's job executor, never started, counting the hints it gets. */
    static final class WakeUps extends DefaultJobExecutor {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void jobWasAdded() {
            count.incrementAndGet();
        }
    }
}
