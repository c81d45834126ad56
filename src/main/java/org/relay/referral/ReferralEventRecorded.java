package org.relay.referral;

/**
 * Published (synchronously, in the recording transaction) for every entry written on a referral's timeline, so
 * features that react to a turn — telling the referrer — hook in at the one place turns are recorded.
 */
public record ReferralEventRecorded(Referral referral, ReferralEvent event) {
}
