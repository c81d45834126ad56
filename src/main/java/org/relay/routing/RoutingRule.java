package org.relay.routing;

import org.camunda.bpm.engine.ProcessEngineException;

import java.util.Map;

/** One answer of the routing decision table ({@code processes/referral-routing.dmn}). */
record RoutingRule(String queue, String assignee, String name) {

    static RoutingRule from(Object decisionResult) {
        if (!(decisionResult instanceof Map<?, ?> result) || result.get("queue") == null) {
            throw new ProcessEngineException("The routing decision gave no queue (check referral-routing.dmn): " + decisionResult);
        }
        Object assignee = result.get("assignee");
        Object name = result.get("rule");
        return new RoutingRule(result.get("queue").toString(),
                assignee == null || assignee.toString().isBlank() ? null : assignee.toString(),
                name == null ? "unnamed rule" : name.toString());
    }
}
