package org.relay.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Collection;
import java.util.List;

/**
 * Relay's business events as Prometheus counters (docs/operations.md, "Monitoring"), counted by this node since it
 * started: each is counted once, where it happens, and only when its transaction commits — a referral whose creation
 * rolls back, or a job the engine retries, is not counted twice. Tags take values from closed lists (catalog
 * channels, routing bases), never from free text.
 */
@Component
public class BusinessMetrics {

    /**
     * The SLAs whose breach flags a referral overdue (the speed report's breaches, counted once per referral): nobody
     * claimed it from its queue in time, nobody decided its review in time, or accepted work went without activity.
     */
    public static final String SLA_REVIEW_UNCLAIMED = "review-unclaimed";
    public static final String SLA_REVIEW_DEADLINE = "review-deadline";
    public static final String SLA_NO_ACTIVITY = "no-activity";
    /** Escalations: a review nobody decided moved to the manager queue, or accepted work left idle reported. */
    public static final String ESCALATION_REVIEW = "review";
    public static final String ESCALATION_IDLE = "no-activity";

    private final MeterRegistry registry;
    private final Counter mailsSent;
    private final Counter mailsFailed;
    private final Counter rowsImported;
    private final Counter rowsDuplicate;
    private final Counter rowsFailed;

    public BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
        // fixed tag sets are registered at start, so alerts and rates see 0 rather than no series
        this.mailsSent = mails("sent");
        this.mailsFailed = mails("failed");
        this.rowsImported = importRows("imported");
        this.rowsDuplicate = importRows("duplicate");
        this.rowsFailed = importRows("failed");
        List.of(SLA_REVIEW_UNCLAIMED, SLA_REVIEW_DEADLINE, SLA_NO_ACTIVITY).forEach(this::slaBreaches);
        List.of(ESCALATION_REVIEW, ESCALATION_IDLE).forEach(this::escalations);
    }

    /**
     * The channels and routing bases there are, registered at 0 by their owners at start: Prometheus' increase()
     * misses the first event of a series that appears with it.
     */
    public void knownChannels(Collection<String> sourceChannels) {
        sourceChannels.forEach(this::created);
    }

    public void knownRoutingBases(Collection<String> bases) {
        bases.forEach(this::routed);
    }

    public void referralCreated(String sourceChannel) {
        afterCommit(created(sourceChannel == null ? "none" : sourceChannel), 1);
    }

    public void referralRouted(String basis) {
        afterCommit(routed(basis), 1);
    }

    public void slaBreached(String sla) {
        afterCommit(slaBreaches(sla), 1);
    }

    public void escalated(String kind) {
        afterCommit(escalations(kind), 1);
    }

    /** A mail has left for the SMTP server: counted at once, since no rollback can call it back. */
    public void mailSent() {
        mailsSent.increment();
    }

    /** The SMTP server refused or could not be reached; the mail job retries and finally raises an incident. */
    public void mailFailed() {
        mailsFailed.increment();
    }

    public void importRows(int imported, int duplicates, int failed) {
        afterCommit(rowsImported, imported);
        afterCommit(rowsDuplicate, duplicates);
        afterCommit(rowsFailed, failed);
    }

    private Counter created(String channel) {
        return Counter.builder("relay.intake.referrals").description("Referrals created, by source channel")
                .tag("channel", channel).register(registry);
    }

    private Counter routed(String basis) {
        return Counter.builder("relay.referrals.routed")
                .description("Routing decisions (a referral is routed again after a rejection), by routing basis")
                .tag("basis", basis).register(registry);
    }

    private Counter mails(String outcome) {
        return Counter.builder("relay.mails").description("Mails handed to the SMTP server, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter importRows(String outcome) {
        return Counter.builder("relay.import.rows").description("Rows of CSV imports (not dry runs), by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter slaBreaches(String sla) {
        return Counter.builder("relay.sla.breaches").description("SLA breaches: referrals flagged overdue, by SLA")
                .tag("sla", sla).register(registry);
    }

    private Counter escalations(String kind) {
        return Counter.builder("relay.escalations").description("Escalations to a manager queue, by kind")
                .tag("kind", kind).register(registry);
    }

    private static void afterCommit(Counter counter, int amount) {
        if (amount <= 0) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment(amount);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(amount);
            }
        });
    }
}
