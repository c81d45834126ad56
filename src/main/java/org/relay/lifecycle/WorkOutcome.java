package org.relay.lifecycle;

import org.relay.common.LifecycleInputException;
import org.relay.common.FieldProblem;

import java.util.List;

/** How the recipient finished working a referral (values of {@code workOutcome}). */
public enum WorkOutcome {
    CONVERT("convert"),
    CLOSE_LOST("closeLost"),
    /** Record what was done and keep working: the work step starts again with a fresh no-activity timer. */
    LOG_ACTIVITY("logActivity");

    private final String value;

    WorkOutcome(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static WorkOutcome of(String value) {
        for (WorkOutcome outcome : values()) {
            if (outcome.value.equals(value)) {
                return outcome;
            }
        }
        throw LifecycleInputException.of(List.of(FieldProblem.of("workOutcome", "problem.common.one-of-was",
                "convert, closeLost, logActivity", value)), "problem.work.choose-outcome");
    }
}
