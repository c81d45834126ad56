package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Async service tasks "Send import digest" (a window is over) and "Send last import digest" (the import is done) of
 * processes/csv-import.bpmn. A mail server outage fails the job: retried R5/PT1M, then an incident in Cockpit; the
 * recipients already mailed are skipped when it runs again.
 */
@Component("sendImportDigest")
class SendImportDigest implements JavaDelegate {

    private final ImportDigests digests;

    SendImportDigest(ImportDigests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        digests.send(((Number) execution.getVariable("importId")).longValue());
    }
}
