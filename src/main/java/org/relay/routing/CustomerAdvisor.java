package org.relay.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.io.Serializable;

/** An existing customer's advisor in one line of business (queue): the relationship owner routing prefers. */
@Entity
public class CustomerAdvisor {

    @Embeddable
    public record Key(@Column(name = "existing_customer_id") String existingCustomerId,
                      @Column(name = "queue_id") String queueId) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private String advisorUserId;

    protected CustomerAdvisor() {
    }

    public CustomerAdvisor(String existingCustomerId, String queueId, String advisorUserId) {
        this.key = new Key(existingCustomerId, queueId);
        this.advisorUserId = advisorUserId;
    }

    public void advisedBy(String advisorUserId) {
        this.advisorUserId = advisorUserId;
    }

    public String getExistingCustomerId() { return key.existingCustomerId(); }
    public String getQueueId() { return key.queueId(); }
    public String getAdvisorUserId() { return advisorUserId; }
}
