package org.relay.lifecycle;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task was completed with input the lifecycle cannot act on (e.g. reject without a reason). Thrown from a
 * complete listener, it rolls the completion back and Tasklist shows the message to the user.
 */
public class LifecycleInputException extends ProcessEngineException {

    public LifecycleInputException(String message) {
        super(message);
    }
}
