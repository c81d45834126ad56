package org.relay.support;

import org.relay.referral.ReferrerType;
import org.relay.synthetic.SyntheticReferralHistory.SyntheticReferrer;

import java.util.List;

/** The referrers of the tests' synthetic histories, each with a hidden talent for good referrals. */
public final class SyntheticBank {

    public static final List<SyntheticReferrer> REFERRERS = List.of(
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "ryan", "Ryan", 1.0),
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "wendy", "Wendy", 0.3),
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "rita", "Rita", 0.0),
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "alice", "Alice", -0.4),
            new SyntheticReferrer(ReferrerType.INTERNAL_USER, "carlos", "Carlos", -0.8),
            new SyntheticReferrer(ReferrerType.ADVOCATE, "ADV-1", "Lena", 0.6),
            new SyntheticReferrer(ReferrerType.PARTNER, "P-1", "Acme", -0.5));

    private SyntheticBank() {
    }
}
