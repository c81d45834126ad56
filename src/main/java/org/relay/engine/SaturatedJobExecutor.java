package org.relay.engine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.CallerRunsRejectedJobsHandler;
import org.springframework.stereotype.Component;

/**
 * What the job executor does with jobs it has acquired when its threads and their queue are full (a burst of due
 * timers): the acquisition thread runs them itself (Camunda's {@link CallerRunsRejectedJobsHandler}).
 *
 * <p>Camunda's default hands them back to the acquisition, which then asks the database for as many fewer jobs as it
 * holds back and asks again at once whenever one thread has freed up: in a burst, one acquisition query per job, each
 * reading every due job to sort them by priority (the escalation benchmark: 0.8–0.9 queries per escalation, about one
 * job each; docs/benchmarks.md).
 * Running the rejected jobs on the acquisition thread instead keeps it busy while the pool is full, so it asks for
 * the next 30 only when it is free again.
 */
@Component
@ConditionalOnProperty(prefix = "relay.engine", name = "saturated-job-executor", havingValue = "true", matchIfMissing = true)
@WrittenFor(camunda = "7.24.0", switchedOffBy = "relay.engine.saturated-job-executor")
class SaturatedJobExecutor extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setRejectedJobsHandler(new CallerRunsRejectedJobsHandler());
        }
    }
}
