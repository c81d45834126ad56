package org.relay.customerstatus;

import org.relay.referral.Referral;

/** Where a request stands, in the customer's words: the four steps the status page shows. */
public enum RequestStage {
    RECEIVED, WITH_SPECIALIST, IN_PROGRESS, DONE;

    /**
     * From Relay's record: new or routed but not yet accepted = received; accepted = with a specialist; something
     * done on it = in progress; converted or closed = done.
     */
    static RequestStage of(Referral referral) {
        return switch (referral.getStatus()) {
            case NEW, ASSIGNED -> RECEIVED;
            case ACCEPTED -> referral.getLastActivityAt() != null ? IN_PROGRESS : WITH_SPECIALIST;
            case IN_PROGRESS -> IN_PROGRESS;
            case CONVERTED, CLOSED_LOST -> DONE;
        };
    }
}
