package org.relay.emailaction;

import java.time.Instant;

/** What a signed email link allows: this user may do this action on this task until then, once (nonce). */
public record ActionLink(String taskId, String userId, Action action, Instant expiresAt, String nonce) {

    public enum Action {
        ACCEPT,
        REJECT
    }
}
