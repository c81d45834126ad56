package org.relay.lifecycle;

import org.relay.common.LifecycleInputException;
import org.relay.common.FieldProblem;

import java.util.List;

/** What the recipient decided in the Review referral form (values of {@code reviewDecision}). */
public enum ReviewDecision {
    ACCEPT("accept"),
    REJECT("reject"),
    REASSIGN("reassign"),
    /** The same need as another open referral of the customer: this one closes as its duplicate. */
    MERGE("merge");

    private final String value;

    ReviewDecision(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ReviewDecision of(String value) {
        for (ReviewDecision decision : values()) {
            if (decision.value.equals(value)) {
                return decision;
            }
        }
        throw LifecycleInputException.of(List.of(FieldProblem.of("reviewDecision", "problem.common.one-of-was",
                "accept, reject, reassign, merge", value)), "problem.review.choose-decision");
    }
}
