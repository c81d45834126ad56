package org.relay.common;

import org.camunda.bpm.engine.IdentityService;

import java.util.function.Supplier;

/** Runs engine work without the signed-in user's engine authorization checks, then restores the user. */
public final class WithoutEngineUser {

    private WithoutEngineUser() {
    }

    public static <T> T run(IdentityService identityService, Supplier<T> work) {
        var user = identityService.getCurrentAuthentication();
        if (user == null) {
            return work.get();
        }
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            identityService.setAuthentication(user);
        }
    }
}
