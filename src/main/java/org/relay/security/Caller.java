package org.relay.security;

import org.camunda.bpm.engine.authorization.Groups;

import java.util.Set;

/** The signed-in user of one request: their Camunda user id and group ids. */
public record Caller(String userId, Set<String> groups, boolean manager) {

    /** Members may query and export the audit trail and serve data-protection requests. */
    public static final String COMPLIANCE_GROUP = "relay-compliance";

    public boolean isAdmin() {
        return groups.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean isCompliance() {
        return groups.contains(COMPLIANCE_GROUP);
    }

    public boolean inGroup(String groupId) {
        return groupId != null && groups.contains(groupId);
    }

    public boolean is(String otherUserId) {
        return userId.equals(otherUserId);
    }
}
