package org.relay.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Relay's settings for a queue (a Camunda group of recipients): the manager queue its referrals escalate to. */
@Entity
public class RoutingQueue {

    @Id
    private String groupId;

    @Column(nullable = false)
    private String managerGroupId;

    protected RoutingQueue() {
    }

    public RoutingQueue(String groupId, String managerGroupId) {
        this.groupId = groupId;
        this.managerGroupId = managerGroupId;
    }

    public String getGroupId() { return groupId; }
    public String getManagerGroupId() { return managerGroupId; }

    public void escalatesTo(String managerGroupId) {
        this.managerGroupId = managerGroupId;
    }
}
