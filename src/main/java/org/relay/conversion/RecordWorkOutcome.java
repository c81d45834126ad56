package org.relay.conversion;

import org.relay.common.FieldProblem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.relay.activity.ActivityInput;
import org.relay.activity.ActivityLog;
import org.relay.activity.ActivityType;
import org.relay.catalog.Catalog;
import org.relay.common.InvalidRequestException;
import org.relay.common.LifecycleInputException;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.lifecycle.WorkOutcome;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Complete listener of "Work referral": refuses an outcome the steps after it could not act on, and records the
 * activity the form describes (required to "log an activity", optional with a final outcome). The activity fields
 * are cleared so the next Work form starts empty.
 */
@Component("recordWorkOutcome")
class RecordWorkOutcome implements TaskListener {

    private static final List<String> ACTIVITY_FIELDS = List.of(LifecycleVariables.ACTIVITY_TYPE,
            LifecycleVariables.ACTIVITY_SUBJECT, LifecycleVariables.ACTIVITY_NOTES, LifecycleVariables.ACTIVITY_DURATION,
            LifecycleVariables.ACTIVITY_OUTCOME, LifecycleVariables.ACTIVITY_SHARED_WITH_REFERRER);

    private final Catalog catalog;
    private final ActivityLog activityLog;
    private final ReferralRepository referrals;
    private final IdentityService identityService;

    RecordWorkOutcome(Catalog catalog, ActivityLog activityLog, ReferralRepository referrals,
                      IdentityService identityService) {
        this.catalog = catalog;
        this.activityLog = activityLog;
        this.referrals = referrals;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        WorkOutcome outcome = WorkOutcome.of(LifecycleVariables.text(task, LifecycleVariables.WORK_OUTCOME));
        if (outcome == WorkOutcome.CLOSE_LOST
                && !Catalog.contains(catalog.closeReasons(), LifecycleVariables.text(task, LifecycleVariables.CLOSE_REASON))) {
            throw LifecycleInputException.of(List.of(FieldProblem.of(LifecycleVariables.CLOSE_REASON, "problem.common.one-of",
                    String.join(", ", catalog.closeReasons().stream().map(e -> e.code()).toList()))),
                    "problem.work.choose-close-reason");
        }
        if (outcome == WorkOutcome.CONVERT) {
            Object amount = task.getVariable(LifecycleVariables.OPPORTUNITY_AMOUNT);
            if (amount != null && (!(amount instanceof Number number) || number.doubleValue() <= 0)) {
                throw LifecycleInputException.of(List.of(FieldProblem.of(LifecycleVariables.OPPORTUNITY_AMOUNT,
                        "problem.common.positive-number-was", String.valueOf(amount))), "problem.work.positive-amount");
            }
            ConvertToOpportunity.expectedCloseDate(task.getVariable(LifecycleVariables.EXPECTED_CLOSE_DATE));
        }
        String subject = LifecycleVariables.text(task, LifecycleVariables.ACTIVITY_SUBJECT);
        if (outcome == WorkOutcome.LOG_ACTIVITY && subject == null) {
            throw LifecycleInputException.of(List.of(FieldProblem.of(LifecycleVariables.ACTIVITY_SUBJECT,
                    "problem.work.activity-subject-field")), "problem.work.activity-subject");
        }
        if (subject != null) {
            recordActivity(task, subject);
        }
        task.removeVariables(ACTIVITY_FIELDS);
    }

    private void recordActivity(DelegateTask task, String subject) {
        String typeText = LifecycleVariables.text(task, LifecycleVariables.ACTIVITY_TYPE);
        ActivityType type;
        try {
            type = typeText == null ? ActivityType.NOTE : ActivityType.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw LifecycleInputException.of(List.of(FieldProblem.of(LifecycleVariables.ACTIVITY_TYPE,
                    "problem.common.one-of-was", "CALL, EMAIL, MEETING, NOTE", typeText)), "problem.work.activity-type");
        }
        Object duration = task.getVariable(LifecycleVariables.ACTIVITY_DURATION);
        ActivityInput input = new ActivityInput(type, subject, LifecycleVariables.text(task, LifecycleVariables.ACTIVITY_NOTES),
                null, duration instanceof Number n ? n.intValue() : null,
                LifecycleVariables.text(task, LifecycleVariables.ACTIVITY_OUTCOME), true,
                Boolean.TRUE.equals(task.getVariable(LifecycleVariables.ACTIVITY_SHARED_WITH_REFERRER))
                        ? List.of("referrer") : null, actor(task));
        try {
            activityLog.recordFromWorkForm(referrals.require(LifecycleVariables.referralId(task)), input);
        } catch (InvalidRequestException e) {
            throw new LifecycleInputException(e.problems().stream().map(p -> "activity " + p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    private String actor(DelegateTask task) {
        var authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown";
    }
}
