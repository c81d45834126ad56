package org.relay.referral;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.camunda.bpm.engine.task.Task;
import org.relay.common.ConflictException;
import org.relay.common.NotFoundException;
import org.relay.lifecycle.LifecycleTasks;
import org.relay.lifecycle.LifecycleVariables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Finds a referral by reference number for the API, and the one task it currently waits in.
 * <p>
 * A request that changes a referral takes it {@linkplain #requireForChange for change} first: its row stays locked
 * until the request's transaction ends, so two requests on one referral (two managers, a double click, a retrying
 * client) run one after the other and the second sees what the first did. Without it both would drive the engine on
 * the same process instance at once, and the loser could fail half-way (a listener reading a variable the winner
 * was replacing) before the engine's optimistic locking turned it into a clean conflict.
 */
@Component
public class ReferralLookup {

    private final ReferralRepository referrals;
    private final LifecycleTasks lifecycleTasks;
    private final EntityManager entityManager;

    ReferralLookup(ReferralRepository referrals, LifecycleTasks lifecycleTasks, EntityManager entityManager) {
        this.referrals = referrals;
        this.lifecycleTasks = lifecycleTasks;
        this.entityManager = entityManager;
    }

    public Referral require(String referenceNumber) {
        return referrals.findByReferenceNumber(referenceNumber)
                .orElseThrow(() -> NotFoundException.of("problem.referral.not-found", referenceNumber));
    }

    /** The referral, locked for change until the calling transaction ends; waits while another request holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Referral requireForChange(String referenceNumber) {
        return referrals.findForChange(referenceNumber)
                .orElseThrow(() -> NotFoundException.of("problem.referral.not-found", referenceNumber));
    }

    /**
     * Referrals already read in this transaction, locked for change and re-read as the last committed change left
     * them; several are locked in the order of their ids, so two requests naming the same pair cannot deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange(Referral... loaded) {
        Stream.of(loaded).sorted(Comparator.comparing(Referral::getId))
                .forEach(referral -> entityManager.refresh(referral, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The review or work task of an open referral; 409 when the referral is closed. */
    public Task openTask(Referral referral) {
        return lifecycleTasks.open(referral.getProcessInstanceId()).stream()
                .filter(task -> LifecycleVariables.REVIEW_TASK.equals(task.getTaskDefinitionKey())
                        || LifecycleVariables.WORK_TASK.equals(task.getTaskDefinitionKey()))
                .findFirst()
                .orElseThrow(() -> ConflictException.of("problem.referral.no-open-task",
                        referral.getReferenceNumber(), referral.getStatus()));
    }
}
