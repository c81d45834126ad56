package org.relay.routing;

/**
 * Where a referral goes: a user (may be null), the queue the referral belongs to, the group that sees the task as
 * candidate (may be null: only the user sees it), and why; with the user's workload as the router saw it, before
 * this referral (null when no user is chosen).
 */
record RoutingDecision(String user, String queue, String candidateGroup, RoutingBasis basis, String reason,
                       Workloads.Load load) {
}
