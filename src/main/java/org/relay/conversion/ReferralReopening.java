package org.relay.conversion;

import org.relay.i18n.StoredSentence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.relay.common.ConflictException;
import org.relay.common.KnownUsers;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.LifecycleStartVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralLookup;
import org.relay.referral.ReferralStatus;
import org.relay.referral.ReferralTimeline;
import org.relay.scoring.ReferralScoring;
import org.relay.routing.ManagerInstanceGrants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reopens a referral closed as lost, with a reason: a new process instance (same business key) starts at the work step
 * for the owner; the first instance and the close stay in history and the timeline. Who may reopen (its owner, a manager
 * of its queue, an administrator; never its referrer) is ReferralAccess's rule, checked by the caller.
 */
@Service
public class ReferralReopening {

    public record Request(@NotBlank @Size(max = 64) String requestedBy, @NotBlank @Size(max = 2000) String reason) {
    }

    /** The SLA decided at creation still applies; scores are computed afresh (the referrer's record has moved). */
    private static final List<String> CARRIED_OVER = List.of(LifecycleVariables.SLA);

    private final ReferralLookup lookup;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final KnownUsers knownUsers;
    private final ManagerInstanceGrants managerGrants;
    private final LifecycleStartVariables startVariables;
    private final ReferralTimeline timeline;
    private final Clock clock;
    private final ReferralScoring scoring;

    ReferralReopening(ReferralLookup lookup, RuntimeService runtimeService, HistoryService historyService,
                      KnownUsers knownUsers, ManagerInstanceGrants managerGrants, LifecycleStartVariables startVariables,
                      ReferralTimeline timeline, Clock clock, ReferralScoring scoring) {
        this.scoring = scoring;
        this.lookup = lookup;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.knownUsers = knownUsers;
        this.managerGrants = managerGrants;
        this.startVariables = startVariables;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public Referral reopen(String referenceNumber, Request request) {
        Referral referral = lookup.requireForChange(referenceNumber);
        knownUsers.require(request.requestedBy(), "requestedBy");
        if (referral.getStatus() != ReferralStatus.CLOSED_LOST) {
            throw ConflictException.of("problem.reopen.not-lost", referenceNumber, referral.getStatus());
        }
        String previous = referral.getProcessInstanceId();
        Map<String, Object> variables = startVariables.of(referral);
        for (HistoricVariableInstance carried : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(previous).variableNameIn(CARRIED_OVER.toArray(String[]::new)).list()) {
            variables.put(carried.getName(), carried.getValue());
        }
        variables.putAll(scoring.score(referral));
        variables.put(LifecycleVariables.RECIPIENT_USER, referral.getOwnerId());
        variables.put(LifecycleVariables.RECIPIENT_QUEUE, referral.getQueueId());
        variables.put("reopenedFrom", previous);
        Instant now = clock.instant();
        referral.reopened(now);
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(LifecycleVariables.PROCESS_KEY)
                .businessKey(referenceNumber)
                .startBeforeActivity("Task_PlanWorkDeadline")
                .setVariables(variables)
                .execute();
        referral.linkProcessInstance(instance.getId());
        managerGrants.queueChanged(instance.getId(), referral.getQueueId());
        timeline.record(referral, ReferralEventType.REOPENED, request.requestedBy(), null,
                StoredSentence.of("timeline.reopened", request.reason(), previous, instance.getId()));
        return referral;
    }
}
