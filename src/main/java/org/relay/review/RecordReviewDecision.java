package org.relay.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.relay.catalog.Catalog;
import org.relay.lifecycle.LifecycleInputException;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.lifecycle.ReviewDecision;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.relay.routing.RoutingBasis;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Complete listener of "Review referral": checks the decision, writes it on the referral and its timeline, and
 * leaves {@code reviewOutcome} for the gateway. The form's own variables are removed so the next reviewer starts
 * from an empty form. Bad input throws: the completion rolls back and Tasklist shows the message.
 */
@Component("recordReviewDecision")
class RecordReviewDecision implements TaskListener {

    static final String REVIEW_OUTCOME = "reviewOutcome";

    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final IdentityService identityService;
    private final Catalog catalog;

    RecordReviewDecision(ReferralRepository referrals, ReferralTimeline timeline, IdentityService identityService,
                         Catalog catalog) {
        this.referrals = referrals;
        this.timeline = timeline;
        this.identityService = identityService;
        this.catalog = catalog;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = ReviewDecision.of(LifecycleVariables.text(task, LifecycleVariables.REVIEW_DECISION));
        Referral referral = referrals.require(LifecycleVariables.referralId(task));
        String actor = actor(task);
        String note = LifecycleVariables.text(task, LifecycleVariables.REVIEW_NOTE);
        switch (decision) {
            case ACCEPT -> accept(task, referral, actor);
            case REJECT -> reject(task, referral, actor, note);
            case REASSIGN -> reassign(task, referral, actor, note);
        }
        task.setVariable(REVIEW_OUTCOME, decision.value());
        task.removeVariables(java.util.List.of(LifecycleVariables.REVIEW_DECISION, LifecycleVariables.REJECT_REASON,
                LifecycleVariables.REVIEW_NOTE, LifecycleVariables.REASSIGN_TO_USER, LifecycleVariables.REASSIGN_TO_QUEUE));
    }

    private void accept(DelegateTask task, Referral referral, String actor) {
        Instant now = timeline.record(referral, ReferralEventType.ACCEPTED, actor, null, null);
        referral.acceptedBy(actor, now);
        task.setVariable(LifecycleVariables.RECIPIENT_USER, actor);
        if (referral.getInterestAmount() != null) {
            task.setVariable(LifecycleVariables.OPPORTUNITY_AMOUNT, referral.getInterestAmount().doubleValue());
        }
    }

    private void reject(DelegateTask task, Referral referral, String actor, String note) {
        String reason = LifecycleVariables.text(task, LifecycleVariables.REJECT_REASON);
        if (!Catalog.contains(catalog.rejectReasons(), reason)) {
            throw new LifecycleInputException("rejectReason is required to reject and must be one of "
                    + String.join(", ", catalog.rejectReasons().stream().map(e -> e.code()).toList()));
        }
        timeline.record(referral, ReferralEventType.REJECTED, actor, reason, note);
    }

    private void reassign(DelegateTask task, Referral referral, String actor, String note) {
        String user = LifecycleVariables.text(task, LifecycleVariables.REASSIGN_TO_USER);
        String queue = LifecycleVariables.text(task, LifecycleVariables.REASSIGN_TO_QUEUE);
        if ((user == null) == (queue == null)) {
            throw new LifecycleInputException("To reassign, give either reassignToUser or reassignToQueue (exactly one)");
        }
        if (note == null) {
            throw new LifecycleInputException("reviewNote is required to reassign: tell the new recipient why");
        }
        if (user != null && identityService.createUserQuery().userId(user).count() == 0) {
            throw new LifecycleInputException("reassignToUser: no user " + user);
        }
        if (user != null && user.equals(actor)) {
            throw new LifecycleInputException("reassignToUser: you cannot reassign a referral to yourself; accept it instead");
        }
        if (queue != null && identityService.createGroupQuery().groupId(queue).count() == 0) {
            throw new LifecycleInputException("reassignToQueue: no queue (group) " + queue);
        }
        String target = user != null ? user : "queue " + queue;
        String reason = "Reassigned by " + actor + " to " + target + ": " + note;
        Instant now = timeline.record(referral, ReferralEventType.REASSIGNED, actor, null, reason);
        referral.routedTo(user, queue != null ? queue : referral.getQueueId(), RoutingBasis.REASSIGNED.name(), reason, now);
        // a user alone gets the task; the old queue no longer sees it
        task.setVariable(LifecycleVariables.RECIPIENT_USER, user);
        task.setVariable(LifecycleVariables.RECIPIENT_QUEUE, queue);
        task.setVariable(LifecycleVariables.ROUTING_REASON, reason);
    }

    /** Who decided: the assignee (Tasklist makes you claim first), else the authenticated user. */
    private String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        throw new LifecycleInputException("Claim the referral before deciding on it");
    }
}
