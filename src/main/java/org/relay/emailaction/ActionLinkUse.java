package org.relay.emailaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;

/** A used link (by nonce): a second use is refused, even by a concurrent request (primary key). */
@Entity
class ActionLinkUse {

    @Id
    private String nonce;

    @Column(nullable = false)
    private String taskId;

    @Column(nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionLink.Action action;

    @Column(nullable = false)
    private Instant usedAt;

    protected ActionLinkUse() {
    }

    ActionLinkUse(ActionLink link, Instant usedAt) {
        this.nonce = link.nonce();
        this.taskId = link.taskId();
        this.userId = link.userId();
        this.action = link.action();
        this.usedAt = usedAt;
    }
}
