package org.relay.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.relay.intake.ImportedLeads;
import org.relay.lifecycle.LifecycleTasks;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

/**
 * Async service task "Notify recipient", fired as soon as the review task exists: mails the assignee, or each
 * member of the queue, with the task's Tasklist link and signed Accept/Reject links. A lead's first routing from a
 * CSV import is left to the import's digest (one mail per recipient per window, {@link ImportDigests}).
 */
@Component("notifyRecipient")
class NotifyRecipient implements JavaDelegate {

    private final ReferralRepository referrals;
    private final Notifications notifications;
    private final LifecycleTasks lifecycleTasks;
    private final ImportedLeads importedLeads;

    NotifyRecipient(ReferralRepository referrals, Notifications notifications, LifecycleTasks lifecycleTasks,
                    ImportedLeads importedLeads) {
        this.importedLeads = importedLeads;
        this.referrals = referrals;
        this.notifications = notifications;
        this.lifecycleTasks = lifecycleTasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = LifecycleVariables.referralId(execution);
        if (importedLeads.announcedByDigest(referralId)) {
            // bulk work: the import's digest mail lists it with the recipient's other new referrals (ImportDigests)
            return;
        }
        Task review = lifecycleTasks.review(execution.getProcessInstanceId()).orElse(null);
        if (review != null) {
            notifications.referralAssigned(referrals.require(referralId), review);
        }
    }
}
