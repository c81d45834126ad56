package org.relay.rewards;

/** The checks run before a reward is granted; each finding sends the reward to a manager instead of deciding it. */
public enum GamingCheck {
    /** The referrer is the customer, or (a colleague) the referral's owner. */
    SELF_REFERRAL,
    /** The customer is already an active customer of the referrer's own book (their advisor relationship). */
    OWN_BOOK_CUSTOMER,
    /** The same customer and product were credited on another referral within the window. */
    CREDITED_TWICE,
    /** The referrer's and the customer's email are the same. */
    SHARED_CONTACT_DETAILS,
    /** The referrer sent unusually many referrals the day they sent this one. */
    MANY_REFERRALS_IN_A_DAY
}
