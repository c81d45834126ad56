package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.relay.intake.ImportedLeads;
import org.relay.lifecycle.LifecycleVariables;
import org.springframework.stereotype.Component;

/**
 * The condition of the lifecycle's "Tell the recipient now?" gateway: a referral's recipient gets their mail at once
 * (the asynchronous "Notify recipient" step) unless the referral came with a CSV import, whose leads reach their
 * recipients in the import's digest — so an import of 100 000 leads creates no job per lead for a mail it never sends.
 */
@Component("recipientNotice")
public class RecipientNotice {

    private final ImportedLeads importedLeads;

    RecipientNotice(ImportedLeads importedLeads) {
        this.importedLeads = importedLeads;
    }

    public boolean immediate(DelegateExecution execution) {
        return !importedLeads.announcedByDigest(LifecycleVariables.referralId(execution));
    }
}
