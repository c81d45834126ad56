package org.relay.conversion;

import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.referral.ReferralAccess;
import org.relay.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.relay.common.ConflictException;
import org.relay.common.InvalidRequestException;
import org.relay.common.KnownUsers;
import org.relay.common.NotFoundException;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralTimeline;
import org.relay.scoring.ReferrerScore;
import org.relay.scoring.ReferrerStanding;
import org.relay.scoring.ReferrerStandings;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** Opportunities (what converted referrals became), their outcome, and referrers' statistics. */
@RestController
class OpportunityController {

    record CloseRequest(@NotNull OpportunityStatus outcome, @Size(max = 200) String reason,
                        @NotBlank @Size(max = 64) String closedBy) {
    }

    record ReferrerStats(String referrerId, long referred, long converted, double conversionRate, int referrerScore,
                         long won, long lost, BigDecimal valueWon) {
    }

    private final OpportunityRepository opportunities;
    private final ReferralRepository referrals;
    private final ReferralTimeline timeline;
    private final KnownUsers knownUsers;
    private final Clock clock;
    private final ReferrerStandings standings;
    private final ReferralAccess access;
    private final Callers callers;
    private final AuditTrail audit;

    OpportunityController(OpportunityRepository opportunities, ReferralRepository referrals,
                          ReferralTimeline timeline, KnownUsers knownUsers, Clock clock,
                          ReferrerStandings standings, ReferralAccess access, Callers callers, AuditTrail audit) {
        this.standings = standings;
        this.access = access;
        this.callers = callers;
        this.audit = audit;
        this.opportunities = opportunities;
        this.referrals = referrals;
        this.timeline = timeline;
        this.knownUsers = knownUsers;
        this.clock = clock;
    }

    @GetMapping("/api/opportunities/{id}")
    Opportunity opportunity(@PathVariable Long id) {
        Opportunity opportunity = find(id);
        String reference = referrals.require(opportunity.getReferralId()).getReferenceNumber();
        access.visible(reference);
        audit.referral(AuditAction.VIEWED, reference, "opportunity " + id);
        return opportunity;
    }

    @GetMapping("/api/referrals/{referenceNumber}/opportunity")
    public Opportunity ofReferral(@PathVariable String referenceNumber) {
        Referral referral = access.visible(referenceNumber);
        Opportunity opportunity = opportunities.findByReferralId(referral.getId())
                .orElseThrow(() -> NotFoundException.of("problem.opportunity.not-converted", referenceNumber));
        audit.referral(AuditAction.VIEWED, referenceNumber, "opportunity");
        return opportunity;
    }

    @PostMapping("/api/opportunities/{id}/close")
    @Transactional
    public Opportunity close(@PathVariable Long id, @Valid @RequestBody CloseRequest request) {
        if (request.outcome() == OpportunityStatus.OPEN) {
            throw InvalidRequestException.of("outcome", "problem.opportunity.outcome");
        }
        knownUsers.require(request.closedBy(), "closedBy");
        String actor = callers.actingAs(request.closedBy(), "closedBy");
        Opportunity opportunity = opportunities.findForChange(id)
                .orElseThrow(() -> NotFoundException.of("problem.opportunity.not-found", String.valueOf(id)));
        access.decidable(referrals.require(opportunity.getReferralId()).getReferenceNumber(), actor);
        // a win can still fall through (a mortgage cancelled in its cooling-off period): closed as lost, with a
        // reason, which takes back what the win earned (rewards); nothing else reopens a closed opportunity
        boolean fellThrough = opportunity.getStatus() == OpportunityStatus.WON && request.outcome() == OpportunityStatus.LOST
                && request.reason() != null && !request.reason().isBlank();
        if (opportunity.getStatus() != OpportunityStatus.OPEN && !fellThrough) {
            throw opportunity.getStatus() == OpportunityStatus.WON
                    ? ConflictException.of("problem.opportunity.already-won", String.valueOf(id))
                    : ConflictException.of("problem.opportunity.already", String.valueOf(id), opportunity.getStatus());
        }
        opportunity.close(request.outcome(), request.reason(), request.closedBy(), clock.instant());
        timeline.record(referrals.require(opportunity.getReferralId()),
                request.outcome() == OpportunityStatus.WON ? ReferralEventType.OPPORTUNITY_WON : ReferralEventType.OPPORTUNITY_LOST,
                request.closedBy(), request.reason(), "Opportunity " + id);
        return opportunity;
    }

    @GetMapping("/api/referrers/{referrerId}/stats")
    @Transactional(readOnly = true)
    public ReferrerStats stats(@PathVariable String referrerId) {
        callers.requireSelfOrManager(referrerId);
        long referred = referrals.countByReferrerId(referrerId);
        long converted = referrals.countConvertedByReferrerId(referrerId);
        List<Opportunity> attributed = opportunities.findByReferrerId(referrerId);
        return new ReferrerStats(referrerId, referred, converted, referred == 0 ? 0 : (double) converted / referred,
                standings.of(referrerId).map(ReferrerStanding::getScore)
                        .orElse(ReferrerScore.NO_RECORD),
                attributed.stream().filter(o -> o.getStatus() == OpportunityStatus.WON).count(),
                attributed.stream().filter(o -> o.getStatus() == OpportunityStatus.LOST).count(),
                attributed.stream().filter(o -> o.getStatus() == OpportunityStatus.WON && o.getAmount() != null)
                        .map(Opportunity::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private Opportunity find(Long id) {
        return opportunities.findById(id).orElseThrow(() -> NotFoundException.of("problem.opportunity.not-found", String.valueOf(id)));
    }
}
