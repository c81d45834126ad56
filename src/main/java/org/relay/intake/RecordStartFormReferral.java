package org.relay.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.relay.common.InvalidRequestException;
import org.relay.lifecycle.LifecycleInputException;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferrerType;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Start listener of the lifecycle: when an advisor starts it from the "New referral" start form in Tasklist, the
 * form's fields become a referral through the same rules as the REST API, referred by the advisor. Lifecycles
 * started by Relay itself already carry their referral and pass through.
 */
@Component("recordStartFormReferral")
class RecordStartFormReferral implements ExecutionListener {

    private final ReferralIntake intake;
    private final IdentityService identityService;

    RecordStartFormReferral(ReferralIntake intake, IdentityService identityService) {
        this.intake = intake;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(LifecycleVariables.REFERRAL_ID) != null) {
            return;
        }
        var authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new LifecycleInputException("Start referrals from Tasklist while logged in, or through POST /api/referrals");
        }
        CreateReferralRequest request = new CreateReferralRequest(
                enumOf(ReferralKind.class, text(execution, "kind"), "kind"),
                text(execution, "recordType"),
                new CreateReferralRequest.CustomerData(enumOf(CustomerType.class, text(execution, "customerType"), "customerType"),
                        text(execution, "customerName"), text(execution, "customerEmployer"), text(execution, "customerPhone"),
                        text(execution, "customerEmail"), text(execution, "customerCity"), text(execution, "customerRegion"),
                        text(execution, "existingCustomerId"), text(execution, "customerContactName")),
                text(execution, "expressedInterest"),
                amount(execution),
                text(execution, "sourceChannel"),
                new CreateReferralRequest.ReferrerData(ReferrerType.INTERNAL_USER, authentication.getUserId(), null),
                text(execution, "notes"), null, text(execution, "lawfulBasis"));
        try {
            intake.createForStartedProcess(request, execution);
        } catch (InvalidRequestException e) {
            throw new LifecycleInputException(e.problems().stream().map(p -> p.field() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    private static CreateReferralRequest.InterestValue amount(DelegateExecution execution) {
        Object amount = execution.getVariable("interestAmount");
        if (amount == null) {
            return null;
        }
        if (!(amount instanceof Number number)) {
            throw new LifecycleInputException("interestAmount: must be a number (was " + amount + ")");
        }
        String currency = text(execution, "interestCurrency");
        return new CreateReferralRequest.InterestValue(new BigDecimal(number.toString()), currency == null ? "USD" : currency);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LifecycleInputException(field + ": unknown value " + value);
        }
    }

    private static String text(DelegateExecution execution, String name) {
        return LifecycleVariables.text(execution, name);
    }
}
