package org.relay.queue;

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

    /** The line of business the queue belongs to ("retail-banking", "wealth"…), a report filter; may be empty. */
    private String lineOfBusiness;

    protected RoutingQueue() {
    }

    public RoutingQueue(String groupId, String managerGroupId) {
        this.groupId = groupId;
        this.managerGroupId = managerGroupId;
    }

    public String getGroupId() { return groupId; }
    public String getManagerGroupId() { return managerGroupId; }
    public String getLineOfBusiness() { return lineOfBusiness; }

    public void belongsTo(String lineOfBusiness) {
        this.lineOfBusiness = lineOfBusiness;
    }

    public void escalatesTo(String managerGroupId) {
        this.managerGroupId = managerGroupId;
    }
}
