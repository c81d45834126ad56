package org.relay.emailaction;

import org.relay.security.EngineActing;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.relay.catalog.Catalog;
import org.relay.common.RelayProperties;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.lifecycle.MovedMeanwhile;
import org.relay.referral.Referral;
import org.relay.referral.ReferralLookup;
import org.relay.referral.ReferralRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One-click Accept / Reject from the email. A link is signed, bound to task, user and action, expires and works
 * once; the task is completed exactly as the Tasklist form would (same variables, same listener, as that user).
 */
@Service
public class EmailActions {

    /** Why a link cannot be used, with the page's status; the page words it (i18n/messages actions.problem.*). */
    public enum Problem {
        TAMPERED(HttpStatus.BAD_REQUEST),
        EXPIRED(HttpStatus.GONE),
        USED(HttpStatus.GONE),
        STALE(HttpStatus.CONFLICT),
        NOT_YOURS(HttpStatus.FORBIDDEN),
        INVALID_REASON(HttpStatus.BAD_REQUEST);

        private final HttpStatus status;

        Problem(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    /** A link checked against the engine: usable (problem empty) with its task and referral, or why not. */
    public record Check(Optional<Problem> problem, ActionLink link, Task task, Referral referral) {

        static Check refused(Problem problem) {
            return new Check(Optional.of(problem), null, null, null);
        }
    }

    private final ActionLinkSigner signer;
    private final ActionLinkUseRepository uses;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final EngineActing acting;
    private final ReferralRepository referrals;
    private final ReferralLookup lookup;
    private final MovedMeanwhile movedMeanwhile;
    private final Catalog catalog;
    private final RelayProperties properties;
    private final Clock clock;

    EmailActions(ActionLinkSigner signer, ActionLinkUseRepository uses, TaskService taskService,
                 IdentityService identityService, EngineActing acting, ReferralRepository referrals,
                 ReferralLookup lookup, MovedMeanwhile movedMeanwhile, Catalog catalog, RelayProperties properties,
                 Clock clock) {
        this.lookup = lookup;
        this.movedMeanwhile = movedMeanwhile;
        this.signer = signer;
        this.uses = uses;
        this.taskService = taskService;
        this.identityService = identityService;
        this.acting = acting;
        this.referrals = referrals;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    public String linkFor(String taskId, String userId, ActionLink.Action action) {
        return properties.publicUrl() + "/actions/" + signer.sign(taskId, userId, action);
    }

    @Transactional(readOnly = true)
    public Check check(String token) {
        Optional<ActionLink> verified = signer.verify(token);
        if (verified.isEmpty()) {
            return Check.refused(Problem.TAMPERED);
        }
        ActionLink link = verified.get();
        if (clock.instant().isAfter(link.expiresAt())) {
            return Check.refused(Problem.EXPIRED);
        }
        if (uses.existsById(link.nonce())) {
            return Check.refused(Problem.USED);
        }
        Task task = taskService.createTaskQuery().taskId(link.taskId()).singleResult();
        if (task == null || !LifecycleVariables.REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
            return Check.refused(Problem.STALE);
        }
        if (!mayDecide(task, link.userId())) {
            return Check.refused(Problem.NOT_YOURS);
        }
        Long referralId = ((Number) taskService.getVariable(task.getId(), LifecycleVariables.REFERRAL_ID)).longValue();
        return new Check(Optional.empty(), link, task, referrals.require(referralId));
    }

    /** Uses the link: marks it used and completes the review task as its user. Rolls back together on failure. */
    @Transactional
    public Check perform(String token, String rejectReason, String note) {
        Check unlocked = check(token);
        if (unlocked.problem().isPresent()) {
            return unlocked;
        }
        // wait for any change to the referral in flight (see ReferralLookup), then check again what it left
        lookup.lockForChange(unlocked.referral());
        Check check = check(token);
        if (check.problem().isPresent()) {
            return check;
        }
        ActionLink link = check.link();
        Map<String, Object> decision = new HashMap<>();
        if (link.action() == ActionLink.Action.ACCEPT) {
            decision.put(LifecycleVariables.REVIEW_DECISION, "accept");
        } else {
            if (!Catalog.contains(catalog.rejectReasons(), rejectReason)) {
                return new Check(Optional.of(Problem.INVALID_REASON), link, check.task(), check.referral());
            }
            decision.put(LifecycleVariables.REVIEW_DECISION, "reject");
            decision.put(LifecycleVariables.REJECT_REASON, rejectReason);
            decision.put(LifecycleVariables.REVIEW_NOTE,
                    Variables.stringValue(note == null || note.isBlank() ? null : note.trim(), true));   // timeline only
        }
        try {
            uses.saveAndFlush(new ActionLinkUse(link, clock.instant()));
        } catch (DataIntegrityViolationException concurrentUse) {
            return Check.refused(Problem.USED);
        }
        // Tasklist or a timer may decide or move it at the same moment: a ConflictException then, and all rolls back
        movedMeanwhile.guard(check.task(), check.referral().getReferenceNumber(), () -> acting.as(link.userId(), () -> {
            if (check.task().getAssignee() == null) {
                taskService.claim(check.task().getId(), link.userId());
            }
            taskService.complete(check.task().getId(), decision);
        }));
        return check;
    }

    private boolean mayDecide(Task task, String userId) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(userId);
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                    && identityService.createUserQuery().userId(userId).memberOfGroup(link.getGroupId()).count() > 0) {
                return true;
            }
        }
        return false;
    }
}
