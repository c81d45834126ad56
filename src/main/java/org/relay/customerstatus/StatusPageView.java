package org.relay.customerstatus;

import java.time.LocalDate;
import java.util.List;

/**
 * What the status page shows, and nothing more: no score, routing reason, notes or other customers. The page's
 * words are in templates/status/page.html; this carries the facts they need.
 *
 * @param firstName       the customer's first name (never the full name)
 * @param reference       the request's reference number
 * @param product         what the request is about ("Mortgage")
 * @param stage           where it stands
 * @param outcome         when done: CONVERTED, WITHDRAWN or CLOSED
 * @param specialist      the owner's first name once they accepted it; null before
 * @param specialistEmail the owner's work email, if Relay has one
 * @param team            the queue's name ("Retail Lending")
 * @param receivedOn      the day it was received
 * @param closedOn        the day it was done, if it is
 * @param open            messages and withdrawal are offered
 * @param messages        what the customer wrote before, oldest first
 * @param language        the language of the customer's request: the page speaks it
 */
public record StatusPageView(String firstName, String reference, String product, RequestStage stage, String outcome,
                      String specialist, String specialistEmail, String team, LocalDate receivedOn, LocalDate closedOn,
                      boolean open, List<SentMessage> messages, java.util.Locale language) {

    /** The steps in order, for the progress list. */
    public List<RequestStage> steps() {
        return List.of(RequestStage.values());
    }

    /** A step already passed (shown ticked), the current one, or ahead. */
    public boolean passed(RequestStage step) {
        return step.ordinal() < stage.ordinal() || (stage == RequestStage.DONE && step == RequestStage.DONE);
    }

    public boolean current(RequestStage step) {
        return step == stage;
    }

    /** One message the customer sent from the page. */
    public record SentMessage(String text, String sentAt) {
    }
}
