package org.relay.referral;

import java.time.Instant;

/** A decided referral in short: converted or closed as lost, and when that happened. */
public record DecidedOutcome(boolean converted, Instant decidedAt) {

    public DecidedOutcome(ReferralStatus status, Instant convertedAt, Instant closedAt) {
        this(status == ReferralStatus.CONVERTED, status == ReferralStatus.CONVERTED ? convertedAt : closedAt);
    }
}
