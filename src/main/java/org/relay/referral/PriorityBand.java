package org.relay.referral;

/** Lead score in three bands, an input of the SLA table: hot referrals get shorter deadlines. */
public enum PriorityBand {
    HIGH,
    NORMAL,
    LOW;

    public static PriorityBand of(int leadScore) {
        return leadScore >= 70 ? HIGH : leadScore >= 40 ? NORMAL : LOW;
    }
}
