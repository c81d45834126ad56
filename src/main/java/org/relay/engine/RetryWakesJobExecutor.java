package org.relay.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Cockpit's Retry (and {@code PUT /engine-rest/job/{id}/retries}, {@code ManagementService.setJobRetries}) wakes this
 * node's job executor once the new retries are committed, so the job runs within about a second.
 *
 * <p>Camunda 7.24 hints its job executor when a job is created due, but not when a failed job gets retries again: an
 * idle executor sleeps between acquisitions, doubling the sleep from 5 s up to {@code max-wait} (60 s), so a retry
 * waited up to a minute and an operator thought it did nothing (issue #26, item 5; docs/benchmarks.md, "Retry").
 * This command interceptor (inside the command context, after the engine's own) registers the same hint the engine
 * uses for new jobs, {@link JobExecutor#jobWasAdded()}, on the transaction's commit of every
 * {@link SetJobRetriesCmd} (a single job, a job definition, the fluent builder; the batch variants create jobs of
 * their own, which the engine hints itself). {@code relay.engine.wake-on-retry=false} switches it off.
 * Written for Camunda 7.24.0 ({@code RetryWakesJobExecutorTest} checks the version).
 */
@Component
@WrittenFor(camunda = "7.24.0", switchedOffBy = "relay.engine.wake-on-retry")
public class RetryWakesJobExecutor extends AbstractProcessEnginePlugin {

    private volatile boolean enabled;

    RetryWakesJobExecutor(@Value("${relay.engine.wake-on-retry:true}") boolean enabled) {
        this.enabled = enabled;
    }

    /** The property's value at start; the retry benchmark switches it for its baseline in the same run. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new HintOnRetry());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    private final class HintOnRetry extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (enabled && command instanceof SetJobRetriesCmd) {
                CommandContext context = Context.getCommandContext();
                JobExecutor jobExecutor = context.getProcessEngineConfiguration().getJobExecutor();
                if (jobExecutor != null) {
                    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                            committed -> jobExecutor.jobWasAdded());
                }
            }
            return result;
        }
    }
}
