package org.relay.rewards;

import org.relay.referral.ReferralEventType;

import java.util.Optional;

/** The moments a referral earns its referrer something, as the referral's timeline records them. */
public enum RewardOutcome {
    ACCEPTED,
    CONVERTED,
    OPPORTUNITY_WON;

    static Optional<RewardOutcome> of(ReferralEventType type) {
        return switch (type) {
            case ACCEPTED -> Optional.of(ACCEPTED);
            case CONVERTED -> Optional.of(CONVERTED);
            case OPPORTUNITY_WON -> Optional.of(OPPORTUNITY_WON);
            default -> Optional.empty();
        };
    }
}
