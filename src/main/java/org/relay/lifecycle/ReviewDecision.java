package org.relay.lifecycle;

/** What the recipient decided in the Review referral form (values of {@code reviewDecision}). */
public enum ReviewDecision {
    ACCEPT("accept"),
    REJECT("reject"),
    REASSIGN("reassign");

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
        throw new LifecycleInputException(
                "reviewDecision must be one of accept, reject, reassign (was " + value + ")");
    }
}
