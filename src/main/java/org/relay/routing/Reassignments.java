package org.relay.routing;

import org.relay.i18n.StoredSentence;
import org.relay.queue.RoutingQueueRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.common.DirectoryNames;
import org.relay.common.FieldProblem;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassigning a referral to a user or a queue, with a mandatory note: the same rules whether the recipient does it
 * in the Review form or a manager through the REST API.
 */
@Component
public class Reassignments {

    private final ManagerInstanceGrants managerGrants;

    /** The names the target and note fields have where the request came from (form variables or JSON). */
    public record Fields(String user, String queue, String note) {
        public static final Fields REVIEW_FORM = new Fields("reassignToUser", "reassignToQueue", "reviewNote");
        public static final Fields API = new Fields("toUser", "toQueue", "note");
    }

    /** A target field as a request gives it: blank means none. */
    public static String target(String given) {
        return given == null || given.isBlank() ? null : given.trim();
    }

    /** Where it goes: the user who gets the task (or null), the queue that sees it (or null), and why. */
    public record Target(String user, String queue, String reason) {
    }

    private final IdentityService identityService;
    private final ReferralTimeline timeline;
    private final RoutingQueueRepository queues;
    private final RuntimeService runtimeService;

    private final DirectoryNames names;

    Reassignments(IdentityService identityService, ReferralTimeline timeline, ManagerInstanceGrants managerGrants,
                  DirectoryNames names, RoutingQueueRepository queues, RuntimeService runtimeService) {
        this.queues = queues;
        this.runtimeService = runtimeService;
        this.names = names;
        this.managerGrants = managerGrants;
        this.identityService = identityService;
        this.timeline = timeline;
    }

    public List<FieldProblem> problems(String actor, String user, String queue, String note, Fields fields) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((user == null) == (queue == null)) {
            problems.add(FieldProblem.of(fields.user(), "problem.reassign.user-or-queue", fields.user(),
                    fields.queue()));
        }
        if (note == null || note.isBlank()) {
            problems.add(FieldProblem.of(fields.note(), "problem.reassign.note-required"));
        }
        if (user != null && identityService.createUserQuery().userId(user).count() == 0) {
            problems.add(FieldProblem.of(fields.user(), "problem.reassign.unknown-user", user));
        } else if (user != null && user.equals(actor)) {
            problems.add(FieldProblem.of(fields.user(), "problem.reassign.to-yourself"));
        }
        if (queue != null && identityService.createGroupQuery().groupId(queue).count() == 0) {
            problems.add(FieldProblem.of(fields.queue(), "problem.reassign.unknown-queue", queue));
        }
        return problems;
    }

    /** Writes the reassignment on the referral (back to ASSIGNED: the new recipient must accept) and its timeline. */
    public Target record(Referral referral, String actor, String user, String queue, String note) {
        String reason = StoredSentence.of("routing.reason.reassigned", names.person(actor),
                user != null ? names.person(user) : names.queue(queue), note);
        Instant now = timeline.record(referral, ReferralEventType.REASSIGNED, actor, null, reason);
        // a user alone gets the task (the old queue no longer sees it); the referral moves to the user's queue, so
        // its queue's managers (reports, grants) are the new owner's
        referral.routedTo(user, queue != null ? queue : queueOf(user, referral), RoutingBasis.REASSIGNED.name(), reason, now);
        managerGrants.queueChanged(referral.getProcessInstanceId(), referral.getQueueId());
        return new Target(user, queue, reason);
    }

    /**
     * The queue a referral handed to {@code user} belongs to: its own queue if the user is in it; else, of the queues
     * (groups with Relay queue settings) the user is in, the one the routing rules chose for the referral, else the
     * first by id. A user in no queue leaves the referral in its queue.
     */
    private String queueOf(String user, Referral referral) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).orderByGroupId().asc().list().stream()
                .map(Group::getId).toList();
        if (groups.contains(referral.getQueueId())) {
            return referral.getQueueId();
        }
        List<String> userQueues = groups.stream().filter(queues::existsById).toList();
        if (userQueues.isEmpty()) {
            return referral.getQueueId();
        }
        String ruleQueue = ruleQueue(referral);
        return userQueues.contains(ruleQueue) ? ruleQueue : userQueues.get(0);
    }

    /** The queue the routing table chose when the lifecycle routed the referral, if it did. */
    private String ruleQueue(Referral referral) {
        if (referral.getProcessInstanceId() == null) {
            return null;
        }
        Object rule = runtimeService.getVariable(referral.getProcessInstanceId(), LifecycleVariables.ROUTING_RULE);
        return rule instanceof java.util.Map<?, ?> answer && answer.get("queue") != null ? answer.get("queue").toString() : null;
    }
}
