package org.relay.emailaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;

/** A used link (by nonce): a second use is refused, even by a concurrent request (primary key). */
@Entity
class ActionLinkUse implements Persistable<String> {

    /** Always inserted, never merged: a concurrent second insert must fail on the primary key, not overwrite. */
    @Transient
    private boolean isNew = true;


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

    @Override
    public String getId() {
        return nonce;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.isNew = false;
    }

    ActionLinkUse(ActionLink link, Instant usedAt) {
        this.nonce = link.nonce();
        this.taskId = link.taskId();
        this.userId = link.userId();
        this.action = link.action();
        this.usedAt = usedAt;
    }
}
