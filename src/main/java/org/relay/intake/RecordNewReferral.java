package org.relay.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.relay.common.InvalidRequestException;
import org.relay.common.LifecycleInputException;
import org.relay.common.ProblemTexts;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferrerType;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * "Record referral" in the New referral process: the Tasklist start form's fields become a referral through the same
 * rules as POST /api/referrals, referred by the signed-in advisor, and Relay starts its lifecycle. The fields must
 * arrive as transient variables (the form sends them so): a customer's data must not be kept in this process's
 * variables or history, and a start that would keep it is refused before anything is written.
 */
@Component("recordNewReferral")
class RecordNewReferral implements JavaDelegate {

    /** The form's fields; all of them are the customer's data or the advisor's notes about them. */
    static final List<String> FIELDS = List.of("kind", "recordType", "customerType", "customerName", "customerEmployer",
            "customerPhone", "customerEmail", "customerCity", "customerRegion", "existingCustomerId",
            "customerContactName", "expressedInterest", "interestAmount", "interestCurrency", "sourceChannel", "notes",
            "lawfulBasis", "customerStatusUpdates", "customerLanguage");

    private final ReferralIntake intake;
    private final IdentityService identityService;

    RecordNewReferral(ReferralIntake intake, IdentityService identityService) {
        this.intake = intake;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new LifecycleInputException(ProblemTexts.text("problem.intake.sign-in-to-start"));
        }
        requireTransient(execution);
        CreateReferralRequest request = new CreateReferralRequest(
                enumOf(ReferralKind.class, text(execution, "kind"), "kind"),
                text(execution, "recordType"),
                new CreateReferralRequest.CustomerData(enumOf(CustomerType.class, text(execution, "customerType"), "customerType"),
                        text(execution, "customerName"), text(execution, "customerEmployer"), text(execution, "customerPhone"),
                        text(execution, "customerEmail"), text(execution, "customerCity"), text(execution, "customerRegion"),
                        text(execution, "existingCustomerId"), text(execution, "customerContactName"), null, null,
                        statusUpdates(execution), text(execution, "customerLanguage")),
                text(execution, "expressedInterest"),
                amount(execution),
                text(execution, "sourceChannel"),
                new CreateReferralRequest.ReferrerData(ReferrerType.INTERNAL_USER, authentication.getUserId(), null),
                text(execution, "notes"), null, text(execution, "lawfulBasis"));
        Referral referral;
        try {
            referral = intake.create(request);
        } catch (InvalidRequestException e) {
            throw new LifecycleInputException(e.problems().stream().map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        execution.setProcessBusinessKey(referral.getReferenceNumber());
        execution.setVariable(LifecycleVariables.REFERRAL_ID, referral.getId());
    }

    /** Refuses (and so rolls back) a start whose form fields would be stored as ordinary process variables. */
    private static void requireTransient(DelegateExecution execution) {
        List<String> kept = FIELDS.stream().filter(name -> {
            TypedValue value = execution.getVariableTyped(name, false);
            return value != null && !value.isTransient();
        }).toList();
        if (!kept.isEmpty()) {
            throw new LifecycleInputException(kept.get(0) + ": "
                    + ProblemTexts.text("problem.intake.transient-fields", String.join(", ", kept),
                    "valueInfo {\"transient\": true}"));
        }
    }

    /** The form's "The customer wants status updates by email" (a Boolean; absent or false: no updates). */
    private static Boolean statusUpdates(DelegateExecution execution) {
        Object value = execution.getVariable("customerStatusUpdates");
        return value instanceof Boolean agreed ? agreed : value != null && Boolean.parseBoolean(value.toString().trim());
    }

    private static CreateReferralRequest.InterestValue amount(DelegateExecution execution) {
        Object amount = execution.getVariable("interestAmount");
        if (amount == null || (amount instanceof String blank && blank.isBlank())) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.toString().trim());
        } catch (NumberFormatException e) {
            throw new LifecycleInputException("interestAmount: "
                    + ProblemTexts.text("problem.common.number-was", String.valueOf(amount)));
        }
        String currency = text(execution, "interestCurrency");
        return new CreateReferralRequest.InterestValue(value, currency == null ? "USD" : currency);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LifecycleInputException(field + ": " + ProblemTexts.text("problem.common.unknown-value", value));
        }
    }

    private static String text(DelegateExecution execution, String name) {
        return LifecycleVariables.text(execution, name);
    }
}
