package org.relay.lifecycle;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the lifecycle's process variables. Variables hold ids, decisions and what gateways, timers and decision
 * tables need; the referral table holds the data (referral/LifecycleStartVariables).
 */
public final class LifecycleVariables {

    public static final String PROCESS_KEY = "ReferralLifecycleProcess";

    /** The lifecycle's two user tasks (BPMN ids). */
    public static final String REVIEW_TASK = "Task_ReviewReferral";
    public static final String WORK_TASK = "Task_WorkReferral";

    public static final String REFERRAL_ID = "referralId";
    public static final String REFERENCE_NUMBER = "referenceNumber";
    public static final String TASK_PRIORITY = "taskPriority";
    public static final String ROUTING_RULE = "routingRule";
    public static final String RECIPIENT_USER = "recipientUser";
    public static final String RECIPIENT_QUEUE = "recipientQueue";
    public static final String PRIORITY_BAND = "priorityBand";

    public static final String SLA = "sla";
    public static final String REVIEW_REMIND_AT = "reviewRemindAt";
    public static final String REVIEW_ESCALATE_AT = "reviewEscalateAt";
    public static final String WORK_IDLE_AT = "workIdleAt";

    public static final String REVIEW_DECISION = "reviewDecision";
    /**
     * Who decided, when Relay completes a task on a user's behalf without signing them into the engine (a manager's
     * reassignment): sent as a transient variable, and read only when no engine user is signed in.
     */
    public static final String DECIDED_BY = "decidedBy";
    public static final String REJECT_REASON = "rejectReason";
    public static final String REVIEW_NOTE = "reviewNote";
    public static final String REASSIGN_TO_USER = "reassignToUser";
    public static final String REASSIGN_TO_QUEUE = "reassignToQueue";
    /** The customer's other open referral this one duplicates (Review decision "merge"). */
    public static final String MERGE_INTO = "mergeInto";
    /** "true" when the reviewer says the customer's other open interests are separate needs (kept on the timeline). */
    public static final String KEEP_BOTH = "keepBoth";

    public static final String WORK_OUTCOME = "workOutcome";
    public static final String CLOSE_REASON = "closeReason";
    public static final String OUTCOME_NOTE = "outcomeNote";
    public static final String OPPORTUNITY_AMOUNT = "opportunityAmount";
    public static final String EXPECTED_CLOSE_DATE = "expectedCloseDate";

    public static final String ACTIVITY_TYPE = "activityType";
    public static final String ACTIVITY_SUBJECT = "activitySubject";
    public static final String ACTIVITY_NOTES = "activityNotes";
    public static final String ACTIVITY_DURATION = "activityDurationMinutes";
    public static final String ACTIVITY_OUTCOME = "activityOutcome";
    /** Transient: the Work form's activity is shared with the referrer (issue #28). */
    public static final String ACTIVITY_SHARED_WITH_REFERRER = "activitySharedWithReferrer";

    private LifecycleVariables() {
    }

    public static Long referralId(VariableScope scope) {
        Object value = scope.getVariable(REFERRAL_ID);
        if (value == null) {
            throw new IllegalStateException("Process instance has no " + REFERRAL_ID + " variable");
        }
        return ((Number) value).longValue();
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
