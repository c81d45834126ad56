package org.relay.referral;

/** Leads (self-sourced, campaign, purchased lists) and referrals (someone asks on the customer's behalf) share one record. */
public enum ReferralKind {
    LEAD,
    REFERRAL
}
