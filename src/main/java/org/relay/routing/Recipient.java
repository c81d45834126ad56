package org.relay.routing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * A user's availability for routing: capacity (open referrals at most; null = the configured default), absent
 * (on leave: never picked), active (left the bank or the programme: never picked), and when routing last gave them
 * a referral (ties on workload go to whoever waited longest — round-robin).
 */
@Entity
public class Recipient {

    @Id
    private String userId;

    private Integer capacity;

    private boolean absent;

    private boolean active = true;

    private Instant lastAssignedAt;

    protected Recipient() {
    }

    public Recipient(String userId) {
        this.userId = userId;
    }

    public void update(Integer capacity, boolean absent, boolean active) {
        this.capacity = capacity;
        this.absent = absent;
        this.active = active;
    }

    public void assigned(Instant at) {
        this.lastAssignedAt = at;
    }

    public boolean canBePicked() {
        return active && !absent;
    }

    public String getUserId() { return userId; }
    public Integer getCapacity() { return capacity; }
    public boolean isAbsent() { return absent; }
    public boolean isActive() { return active; }
    public Instant getLastAssignedAt() { return lastAssignedAt; }
}
