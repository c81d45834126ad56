package org.relay.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The password checks Camunda made while one request was served, with their verdicts (reported by
 * engine/ReportingIdentityProvider), so SignInThrottleFilter counts exactly what was checked, for the user it was
 * checked for, whichever path checked it (Spring Security, the engine REST filter, the webapps' login).
 */
public final class PasswordCheckOutcomes {

    record Outcome(String userId, boolean correct) {
    }

    private static final ThreadLocal<List<Outcome>> CURRENT = new ThreadLocal<>();

    private PasswordCheckOutcomes() {
    }

    /** Starts collecting on this thread; {@link #stop()} returns what was collected. */
    static void start() {
        CURRENT.set(new ArrayList<>());
    }

    static List<Outcome> stop() {
        List<Outcome> outcomes = CURRENT.get();
        CURRENT.remove();
        return outcomes == null ? List.of() : outcomes;
    }

    public static void report(String userId, boolean correct) {
        List<Outcome> outcomes = CURRENT.get();
        if (outcomes != null && userId != null) {
            outcomes.add(new Outcome(userId, correct));
        }
    }
}
