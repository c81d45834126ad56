package org.relay.conversion;

import java.util.List;
import org.relay.common.FieldProblem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.relay.common.LifecycleInputException;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.ReferralRepository;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Async service task "Convert to opportunity" (see {@link ReferralConversion}); a retried job finds the
 * opportunity it created instead of creating a second one.
 */
@Component("convertToOpportunity")
class ConvertToOpportunity implements JavaDelegate {

    private final ReferralRepository referrals;
    private final ReferralConversion conversion;

    ConvertToOpportunity(ReferralRepository referrals, ReferralConversion conversion) {
        this.referrals = referrals;
        this.conversion = conversion;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object amount = execution.getVariable(LifecycleVariables.OPPORTUNITY_AMOUNT);
        Opportunity opportunity = conversion.convert(referrals.require(LifecycleVariables.referralId(execution)),
                amount instanceof Number n ? new BigDecimal(n.toString()) : null,
                expectedCloseDate(execution.getVariable(LifecycleVariables.EXPECTED_CLOSE_DATE)),
                LifecycleVariables.text(execution, LifecycleVariables.OUTCOME_NOTE));
        execution.setVariable("opportunityId", opportunity.getId());
    }

    /** The form's date field gives ISO text (2026-12-24); the API may give a Date. */
    static LocalDate expectedCloseDate(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            throw LifecycleInputException.of(List.of(FieldProblem.of(LifecycleVariables.EXPECTED_CLOSE_DATE,
                    "problem.work.close-date-field", String.valueOf(value))), "problem.work.close-date");
        }
    }
}
