package org.relay.conversion;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.relay.catalog.Catalog;
import org.relay.lifecycle.LifecycleInputException;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.lifecycle.WorkOutcome;
import org.springframework.stereotype.Component;

/** Complete listener of "Work referral": refuses an outcome the service tasks after it could not act on. */
@Component("recordWorkOutcome")
class RecordWorkOutcome implements TaskListener {

    private final Catalog catalog;

    RecordWorkOutcome(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void notify(DelegateTask task) {
        WorkOutcome outcome = WorkOutcome.of(LifecycleVariables.text(task, LifecycleVariables.WORK_OUTCOME));
        if (outcome == WorkOutcome.CLOSE_LOST
                && !Catalog.contains(catalog.closeReasons(), LifecycleVariables.text(task, LifecycleVariables.CLOSE_REASON))) {
            throw new LifecycleInputException("closeReason is required to close as lost and must be one of "
                    + String.join(", ", catalog.closeReasons().stream().map(e -> e.code()).toList()));
        }
        if (outcome == WorkOutcome.CONVERT && task.getVariable(LifecycleVariables.OPPORTUNITY_AMOUNT) != null) {
            Object amount = task.getVariable(LifecycleVariables.OPPORTUNITY_AMOUNT);
            if (!(amount instanceof Number number) || number.doubleValue() <= 0) {
                throw new LifecycleInputException("opportunityAmount must be a positive number (was " + amount + ")");
            }
        }
    }
}
