package org.relay.intake;

import org.relay.i18n.StoredSentence;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.RuntimeService;
import org.relay.common.ConflictException;
import org.relay.common.InvalidRequestException;
import org.relay.common.KnownUsers;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralLookup;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * What the recipient decides about a customer's second open interest: merge it into the other referral (this one
 * closes as a duplicate, its lifecycle ends) or keep both (recorded, nothing else changes).
 */
@Service
public class DuplicateResolution {

    public record MergeRequest(@NotBlank @Size(max = 20) String into, @NotBlank @Size(max = 64) String requestedBy,
                               @Size(max = 2000) String note) {
    }

    public record KeepRequest(@NotBlank @Size(max = 64) String requestedBy, @Size(max = 2000) String note) {
    }

    private final ReferralLookup lookup;
    private final ReferralTimeline timeline;
    private final RuntimeService runtimeService;
    private final KnownUsers knownUsers;
    private final Clock clock;

    DuplicateResolution(ReferralLookup lookup, ReferralTimeline timeline, RuntimeService runtimeService,
                        KnownUsers knownUsers, Clock clock) {
        this.lookup = lookup;
        this.timeline = timeline;
        this.runtimeService = runtimeService;
        this.knownUsers = knownUsers;
        this.clock = clock;
    }

    @Transactional
    public Referral merge(String referenceNumber, MergeRequest request) {
        knownUsers.require(request.requestedBy(), "requestedBy");
        Referral duplicate = lookup.require(referenceNumber);
        Referral kept = lookup.require(request.into());
        if (duplicate.getId().equals(kept.getId())) {
            throw InvalidRequestException.of("into", "problem.merge.into-itself");
        }
        lookup.lockForChange(duplicate, kept);
        if (!duplicate.getStatus().isOpen() || !kept.getStatus().isOpen()) {
            throw ConflictException.of("problem.merge.both-open", referenceNumber, duplicate.getStatus(),
                    request.into(), kept.getStatus());
        }
        runtimeService.deleteProcessInstance(duplicate.getProcessInstanceId(), mergeNote(kept, request.requestedBy(), request.note()));
        recordMerge(duplicate, kept, request.requestedBy(), request.note());
        return duplicate;
    }

    /**
     * Closes {@code duplicate} as lost (reason DUPLICATE) into {@code kept}, on both timelines; its lifecycle is left to
     * the caller (the API's merge deletes it, the Review form's merge ends it on its own path).
     */
    public void recordMerge(Referral duplicate, Referral kept, String actor, String note) {
        String text = mergeNote(kept, actor, note);
        timeline.record(duplicate, ReferralEventType.MERGED, actor, kept.getReferenceNumber(), text);
        timeline.record(kept, ReferralEventType.MERGED, actor, duplicate.getReferenceNumber(),
                StoredSentence.of("timeline.merged-into-this", duplicate.getReferenceNumber(),
                        duplicate.getCustomer().getName(), duplicate.getExpressedInterest()));
        duplicate.closedLost("DUPLICATE", text, clock.instant());
    }

    private static String mergeNote(Referral kept, String actor, String note) {
        return "Merged into " + kept.getReferenceNumber() + " by " + actor
                + (note == null || note.isBlank() ? "" : ": " + note.trim());
    }

    @Transactional
    public Referral keepBoth(String referenceNumber, KeepRequest request) {
        knownUsers.require(request.requestedBy(), "requestedBy");
        Referral referral = lookup.requireForChange(referenceNumber);
        recordKeptBoth(referral, request.requestedBy(), request.note());
        return referral;
    }

    /** The customer's other open interests are separate needs: on the timeline, nothing else changes. */
    public void recordKeptBoth(Referral referral, String actor, String note) {
        timeline.record(referral, ReferralEventType.DUPLICATE_KEPT, actor, null,
                note == null || note.isBlank() ? StoredSentence.of("timeline.kept-both") : StoredSentence.asWritten(note.trim()));
    }

}
