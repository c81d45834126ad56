package org.relay.meeting;

import io.swagger.v3.oas.annotations.Operation;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.ConflictException;
import org.relay.common.FieldProblem;
import org.relay.common.InvalidRequestException;
import org.relay.referral.Referral;
import org.relay.referral.ReferralAccess;
import org.relay.security.Callers;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A referral's meetings for staff: what the customer booked (and cancelled), the times the owner offers, and the
 * owner's free slots to offer from (the Work form's "Offer meeting times"); cancelling a meeting tells the customer.
 */
@RestController
class MeetingsController {

    private static final int MAX_OFFERED = 200;

    /** One meeting as staff see it. */
    record MeetingView(long id, Instant startsAt, Instant endsAt, String status, Instant bookedAt, Instant cancelledAt,
                       String cancelledBy) {
        static MeetingView of(MeetingBooking b) {
            return new MeetingView(b.getId(), b.getStartsAt(), b.getEndsAt(), b.isCancelled() ? "CANCELLED" : "BOOKED",
                    b.getBookedAt(), b.getCancelledAt(), b.getCancelledBy());
        }
    }

    /**
     * @param bookable   the customer can book now (the owner accepted it and it is open)
     * @param customerPicksFrom OFFERED (only the offered times) or ANY_FREE
     * @param offered    the times the owner offers that are still free
     * @param freeSlots  the owner's free slots to offer from; empty for those who may not act on the referral
     */
    record MeetingsView(String referenceNumber, String owner, String ownerName, String zone, long slotMinutes,
                    boolean bookable, String customerPicksFrom, List<MeetingView> meetings, List<Instant> offered,
                    List<Instant> freeSlots) {
    }

    /** The times the owner offers, each an ISO instant as freeSlots lists them; an empty list takes every offer back. */
    record OfferRequest(List<String> times) {
    }

    private final Meetings meetings;
    private final ReferralAccess access;
    private final Callers callers;
    private final AuditTrail audit;
    private final MeetingProperties properties;

    MeetingsController(Meetings meetings, ReferralAccess access, Callers callers, AuditTrail audit,
                       MeetingProperties properties) {
        this.meetings = meetings;
        this.access = access;
        this.callers = callers;
        this.audit = audit;
        this.properties = properties;
    }

    @Operation(summary = "A referral's meetings, the times offered to its customer and the owner's free slots",
            description = "Anyone who sees the referral; freeSlots only for those who may act on it.")
    @GetMapping("/api/referrals/{referenceNumber}/meetings")
    MeetingsView list(@PathVariable String referenceNumber) {
        Referral referral = access.visible(referenceNumber);
        return view(referral);
    }

    @Operation(summary = "Offer the customer meeting times (the owner, a manager of its queue, an administrator)",
            description = "Replaces the offered times; each must be one of the owner's free slots (400 naming the entry"
                    + " otherwise). 409 before the owner accepted the referral or once it is closed.")
    @PutMapping("/api/referrals/{referenceNumber}/meeting-offers")
    MeetingsView offer(@PathVariable String referenceNumber, @RequestBody OfferRequest request) {
        Referral referral = access.actionable(referenceNumber);
        if (!Meetings.bookingOpen(referral)) {
            throw ConflictException.of("problem.meeting.not-open");
        }
        List<String> times = request == null || request.times() == null ? List.of() : request.times();
        List<FieldProblem> problems = new ArrayList<>();
        if (times.size() > MAX_OFFERED) {
            problems.add(FieldProblem.of("times", "problem.meeting.too-many", String.valueOf(MAX_OFFERED)));
        }
        Set<Instant> free = new HashSet<>(meetings.freeSlots(referral));
        Set<Instant> chosen = new HashSet<>();
        for (int i = 0; i < times.size() && problems.isEmpty(); i++) {
            Instant start = Meetings.parse(times.get(i));
            if (start == null) {
                problems.add(FieldProblem.of("times[" + i + "]", "problem.meeting.not-a-time"));
            } else if (!free.contains(start)) {
                problems.add(FieldProblem.of("times[" + i + "]", "problem.meeting.not-free"));
            } else {
                chosen.add(start);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        meetings.offer(referral, chosen, callers.current().userId());
        audit.referral(AuditAction.CHANGED, referral.getReferenceNumber(), "meeting times offered: " + chosen.size());
        return view(referral);
    }

    @Operation(summary = "Cancel a meeting (the owner, a manager of its queue, an administrator)",
            description = "The customer and the owner get the calendar cancellation by mail. A cancelled meeting stays as it is.")
    @DeleteMapping("/api/referrals/{referenceNumber}/meetings/{meetingId}")
    MeetingView cancel(@PathVariable String referenceNumber, @PathVariable long meetingId) {
        Referral referral = access.actionable(referenceNumber);
        MeetingBooking booking = meetings.cancelByStaff(referral, meetingId, callers.current().userId());
        audit.referral(AuditAction.CHANGED, referral.getReferenceNumber(), "meeting " + meetingId + " cancelled");
        return MeetingView.of(booking);
    }

    private MeetingsView view(Referral referral) {
        boolean mayAct = access.mayAct(callers.current(), referral);
        boolean open = Meetings.bookingOpen(referral);
        List<Instant> free = open ? meetings.freeSlots(referral) : List.of();
        Set<Instant> stillFree = new HashSet<>(free);
        return new MeetingsView(referral.getReferenceNumber(), referral.getOwnerId(),
                referral.getOwnerId() == null ? null : meetings.ownerName(referral), meetings.zoneOf(referral).getId(),
                properties.slotLength().toMinutes(), open, properties.customerPicksFrom().name(),
                meetings.of(referral).stream().map(MeetingView::of).toList(),
                // an offered time since booked (by this customer or another) is no longer on offer
                meetings.offered(referral).stream().filter(stillFree::contains).toList(),
                mayAct ? free : List.of());
    }
}
