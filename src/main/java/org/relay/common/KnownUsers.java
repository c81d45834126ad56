package org.relay.common;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import java.util.List;

/** Whether a user id names a Camunda user: the check every request that names a person makes. */
@Component
public class KnownUsers {

    private final IdentityService identityService;

    KnownUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean exists(String userId) {
        return userId != null && !userId.isBlank() && identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** 400 naming the field when the user does not exist. */
    public void require(String userId, String field) {
        if (!exists(userId)) {
            throw new InvalidRequestException(List.of(problem(userId, field)));
        }
    }

    public FieldProblem problem(String userId, String field) {
        return FieldProblem.of(field, "problem.common.unknown-user", userId);
    }
}
