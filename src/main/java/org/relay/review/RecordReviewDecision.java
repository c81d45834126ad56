package org.relay.review;

import org.relay.i18n.StoredSentence;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.relay.catalog.Catalog;
import org.relay.common.LifecycleInputException;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.lifecycle.ReviewDecision;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.relay.common.FieldProblem;
import org.relay.intake.DuplicateResolution;
import org.relay.referral.ReferralLookup;
import org.relay.referral.RelatedReferrals;
import org.relay.routing.Reassignments;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

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
    private final Reassignments reassignments;
    private final RelatedReferrals relatedReferrals;
    private final DuplicateResolution duplicates;
    private final ReferralLookup lookup;

    RecordReviewDecision(ReferralRepository referrals, ReferralTimeline timeline, IdentityService identityService,
                         Catalog catalog, Reassignments reassignments, RelatedReferrals relatedReferrals,
                         DuplicateResolution duplicates, ReferralLookup lookup) {
        this.lookup = lookup;
        this.relatedReferrals = relatedReferrals;
        this.duplicates = duplicates;
        this.referrals = referrals;
        this.timeline = timeline;
        this.identityService = identityService;
        this.catalog = catalog;
        this.reassignments = reassignments;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = actor(task);
        requireAssigneeDecides(task, actor);
        ReviewDecision decision = ReviewDecision.of(LifecycleVariables.text(task, LifecycleVariables.REVIEW_DECISION));
        Referral referral = referrals.require(LifecycleVariables.referralId(task));
        String note = LifecycleVariables.text(task, LifecycleVariables.REVIEW_NOTE);
        switch (decision) {
            case ACCEPT -> accept(task, referral, actor);
            case REJECT -> reject(task, referral, actor, note);
            case REASSIGN -> reassign(task, referral, actor, note);
            case MERGE -> merge(task, referral, actor, note);
        }
        if (decision != ReviewDecision.MERGE && "true".equals(LifecycleVariables.text(task, LifecycleVariables.KEEP_BOTH))) {
            duplicates.recordKeptBoth(referral, actor, null);
        }
        task.setVariable(REVIEW_OUTCOME, decision.value());
        task.removeVariables(List.of(LifecycleVariables.REVIEW_DECISION, LifecycleVariables.REJECT_REASON,
                LifecycleVariables.REVIEW_NOTE, LifecycleVariables.REASSIGN_TO_USER, LifecycleVariables.REASSIGN_TO_QUEUE,
                LifecycleVariables.MERGE_INTO, LifecycleVariables.KEEP_BOTH));
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
            throw LifecycleInputException.of(List.of(FieldProblem.of(LifecycleVariables.REJECT_REASON, "problem.common.one-of",
                    String.join(", ", catalog.rejectReasons().stream().map(e -> e.code()).toList()))),
                    "problem.review.choose-reject-reason");
        }
        timeline.record(referral, ReferralEventType.REJECTED, actor, reason, StoredSentence.asWritten(note));
    }

    private void reassign(DelegateTask task, Referral referral, String actor, String note) {
        String user = LifecycleVariables.text(task, LifecycleVariables.REASSIGN_TO_USER);
        String queue = LifecycleVariables.text(task, LifecycleVariables.REASSIGN_TO_QUEUE);
        List<FieldProblem> problems = reassignments.problems(actor, user, queue, note, Reassignments.Fields.REVIEW_FORM);
        if (!problems.isEmpty()) {
            throw new LifecycleInputException(LifecycleInputException.sentences(problems), problems);
        }
        Reassignments.Target target = reassignments.record(referral, actor, user, queue, note);
        task.setVariable(LifecycleVariables.RECIPIENT_USER, target.user());
        task.setVariable(LifecycleVariables.RECIPIENT_QUEUE, target.queue());
    }

    /**
     * Only into one of the customer's other open referrals the form offered (the view's relatedOpenReferrals): the
     * reviewer sees those, and a merge is about the same customer's same need, not any referral Relay knows.
     */
    private void merge(DelegateTask task, Referral referral, String actor, String note) {
        String into = LifecycleVariables.text(task, LifecycleVariables.MERGE_INTO);
        Referral kept = relatedReferrals.openFor(referral).stream()
                .filter(other -> other.getReferenceNumber().equals(into)).findFirst()
                .orElseThrow(() -> LifecycleInputException.of(
                        List.of(FieldProblem.of(LifecycleVariables.MERGE_INTO, "problem.review.merge-into-field")),
                        into == null ? "problem.review.choose-merge-into" : "problem.review.merge-into-not-open", into));
        lookup.lockForChange(referral, kept);
        if (!kept.getStatus().isOpen()) {
            throw LifecycleInputException.of(List.of(FieldProblem.of(LifecycleVariables.MERGE_INTO,
                    "problem.review.merge-into-closed-field")), "problem.review.merge-into-closed", into);
        }
        duplicates.recordMerge(referral, kept, actor, note);
    }

    /**
     * A review assigned to someone is theirs to decide: its queue sees it (and the engine lets the queue complete it),
     * but Relay's rules let only the owner act once it has one — or an administrator. Checked for engine users
     * (Tasklist, engine REST, Relay's review API acting as the user).
     */
    private void requireAssigneeDecides(DelegateTask task, String actor) {
        var authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            return;   // Relay completes it itself (a manager's reassignment), after its own rules allowed it
        }
        boolean administrator = authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        if (task.getAssignee() != null && !task.getAssignee().equals(actor) && !administrator) {
            throw new AuthorizationException(actor + " may not decide referral " + task.getExecution().getProcessBusinessKey()
                    + ": it is assigned to " + task.getAssignee());
        }
    }

    /**
     * Who decided: the authenticated user (Tasklist, engine REST, Relay's review API), else whom Relay names when it
     * completes the task for a manager (a transient variable no signed-in caller can use to pose as someone else),
     * else the assignee.
     */
    private String actor(DelegateTask task) {
        var authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        String onBehalf = LifecycleVariables.text(task, LifecycleVariables.DECIDED_BY);
        if (onBehalf != null) {
            return onBehalf;
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw LifecycleInputException.of(List.of(), "problem.review.claim-first");
    }
}
