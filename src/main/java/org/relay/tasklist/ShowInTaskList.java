package org.relay.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task listener on the review and work tasks: copies the columns Tasklist's list shows (reference, customer,
 * interest, value, lead score, last activity) onto the task itself. With engine authorization on, a recipient may
 * read their task's variables but not every variable of the referral's process instance, so the list reads these
 * task-local copies ({@link TasklistFilters#COLUMNS}); the forms keep reading the process variables.
 */
@Component("showInTaskList")
public class ShowInTaskList implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Map<String, Object> columns = new LinkedHashMap<>();
        TasklistFilters.COLUMNS.forEach((local, source) -> columns.put(local, task.getVariable(source)));
        task.setVariablesLocal(columns);
    }
}
