package org.relay.sla;

import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The lifecycle's timer definitions read {@code ${slaTimers.reviewReminder}} etc.: the engine wants ISO-8601 text,
 * and expressions need JavaBean getters.
 */
@Component("slaTimers")
public class SlaTimers {

    private final SlaProperties properties;

    SlaTimers(SlaProperties properties) {
        this.properties = properties;
    }

    public String getReviewReminder() {
        return properties.reviewReminder().toString();
    }

    public String getReviewEscalation() {
        return properties.reviewEscalation().toString();
    }

    public String getNoActivityEscalation() {
        return properties.noActivityEscalation().toString();
    }

    public Duration reviewEscalationDuration() {
        return properties.reviewEscalation();
    }
}
