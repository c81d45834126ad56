package org.relay.referral;

/** The lead score in four grades: recipients read "A" faster than "78". */
public enum LeadGrade {
    A, B, C, D;

    /** A from 75, B from 50, C from 25, D below. */
    public static LeadGrade of(int score) {
        return score >= 75 ? A : score >= 50 ? B : score >= 25 ? C : D;
    }
}
