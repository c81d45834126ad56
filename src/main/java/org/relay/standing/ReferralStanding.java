package org.relay.standing;

import org.relay.referral.ReferralStatus;

import org.relay.activity.SharedActivities;

import java.time.Instant;
import java.util.List;

/**
 * Where a referral stands, in plain words and people's names: what its referrer may know of it. No contact details,
 * notes, scores, routing reasons or activity contents — so the same shape serves "Referrals I sent" in Tasklist, the
 * confirmation after a decision, and (issue #28) an external referrer's signed-link page.
 *
 * @param statusText  the stage as a person says it ("Waiting to be accepted", "Converted")
 * @param holder      who has it now
 * @param outcome     how it ended, null while it is open
 * @param sharedActivities what the owner shared with the referrer (when, kind, subject, result), oldest first; never
 *                    an activity they did not share
 */
public record ReferralStanding(String referenceNumber, String customerName, String product, String productLabel,
                               ReferralStatus status, String statusText, Holder holder, Instant sentAt,
                               Instant lastActivityAt, Outcome outcome, List<SharedActivities.Summary> sharedActivities) {

    /**
     * @param name      the person who has it (display name), null while it waits in a queue
     * @param queueName the queue it belongs to, by name
     * @param text      both in one phrase: "Bob Smith (Retail Lending)", "the Retail Lending queue"
     * @param firstName the person's first name (what people outside the bank are told), null while nobody has it
     */
    public record Holder(String name, String queueName, String text, String firstName) {
    }

    /**
     * @param text          "Converted into opportunity 17", "Closed as lost: Customer not interested"
     * @param opportunityId the opportunity a conversion created (null otherwise)
     */
    public record Outcome(String text, Instant at, Long opportunityId) {
    }
}
