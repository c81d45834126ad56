package org.relay.analytics;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Rebuild report rollups" in processes/report-rollup.bpmn. */
@Component("rebuildReportRollups")
class RebuildReportRollups implements JavaDelegate {

    private final ReportRollups rollups;

    RebuildReportRollups(ReportRollups rollups) {
        this.rollups = rollups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("rollupRows", rollups.refresh());
    }
}
