package org.relay.support;

import org.camunda.bpm.engine.IdentityService;
import org.relay.security.Caller;

/** Cora, the bank's compliance officer (group relay-compliance): reads the audit trail and serves erasure requests. */
public final class ComplianceOfficer {

    public static final String USER = "cora";
    public static final String PASSWORD = "Compliance-Officer-7";

    private ComplianceOfficer() {
    }

    public static void ensure(IdentityService identityService) {
        if (identityService.createUserQuery().userId(USER).count() == 0) {
            var cora = identityService.newUser(USER);
            cora.setFirstName("Cora");
            cora.setLastName("Lindqvist");
            cora.setPassword(PASSWORD);
            identityService.saveUser(cora);
        }
        if (identityService.createGroupQuery().groupId(Caller.COMPLIANCE_GROUP).count() == 0) {
            var group = identityService.newGroup(Caller.COMPLIANCE_GROUP);
            group.setName("Compliance");
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(USER).memberOfGroup(Caller.COMPLIANCE_GROUP).count() == 0) {
            identityService.createMembership(USER, Caller.COMPLIANCE_GROUP);
        }
    }
}
