package org.relay.sla;

import org.camunda.bpm.engine.ProcessEngineException;

import java.time.Duration;
import java.util.Map;

/**
 * One answer of the SLA table ({@code processes/referral-sla.dmn}), in business hours: when to remind the recipient,
 * when to escalate an undecided referral, and how long an accepted one may sit without an outcome.
 */
public record SlaTerms(Duration remindAfter, Duration escalateAfter, Duration firstActionWithin, String rule) {

    public static SlaTerms from(Object decisionResult) {
        if (!(decisionResult instanceof Map<?, ?> result)) {
            throw new ProcessEngineException("The SLA decision gave no result (check referral-sla.dmn): " + decisionResult);
        }
        SlaTerms terms = new SlaTerms(hours(result, "remindAfterHours"), hours(result, "escalateAfterHours"),
                hours(result, "firstActionWithinHours"), String.valueOf(result.get("rule")));
        if (terms.remindAfter.compareTo(terms.escalateAfter) >= 0) {
            throw new ProcessEngineException("SLA rule \"" + terms.rule + "\" reminds after it escalates");
        }
        return terms;
    }

    private static Duration hours(Map<?, ?> result, String name) {
        if (!(result.get(name) instanceof Number hours) || hours.doubleValue() <= 0) {
            throw new ProcessEngineException("The SLA decision gave no positive " + name + ": " + result);
        }
        return Duration.ofMinutes(Math.round(hours.doubleValue() * 60));
    }
}
