package org.relay.meeting;

import org.relay.i18n.StoredSentence;
import org.camunda.bpm.engine.RuntimeService;
import org.relay.activity.ActivityLog;
import org.relay.calendar.BusinessCalendars;
import org.relay.common.DirectoryNames;
import org.relay.lifecycle.LifecycleTasks;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.referral.ReferralTimeline;
import org.relay.security.EngineActing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Meetings between a referral's customer and its owner: the times on offer (the owner's working hours on the customer
 * region's business calendar, minus the owner's meetings in Relay, and — unless {@code relay.meetings.customer-picks-from}
 * is ANY_FREE — only those the owner offered), booking, moving and cancelling. A booking is an activity on the
 * referral (MEETING_BOOKED) that restarts the no-activity timer; the lifecycle's event subprocesses
 * (referral-lifecycle.bpmn: Msg_MeetingBooked, Msg_MeetingCancelled) send the calendar files from asynchronous steps.
 */
@Service
public class Meetings {

    static final String BOOKED = "ReferralMeetingBooked";
    static final String CANCELLED = "ReferralMeetingCancelled";
    /** booked_by / cancelled_by of what the customer did on their page. */
    static final String CUSTOMER = ActivityLog.CUSTOMER;

    /** What became of a customer's request on the page. */
    public enum Outcome { BOOKED, MOVED, CANCELLED, SLOT_TAKEN, SLOT_UNAVAILABLE, NOTHING_TO_CANCEL, NOT_BOOKABLE, UNAVAILABLE }

    private final MeetingBookingRepository bookings;
    private final MeetingOfferRepository offers;
    private final ReferralRepository referrals;
    private final BusinessCalendars calendars;
    private final MeetingProperties properties;
    private final ActivityLog activityLog;
    private final LifecycleTasks lifecycleTasks;
    private final RuntimeService runtimeService;
    private final EngineActing engine;
    private final ReferralTimeline timeline;
    private final DirectoryNames names;
    private final MeetingMailer mailer;
    private final Clock clock;

    Meetings(MeetingBookingRepository bookings, MeetingOfferRepository offers, ReferralRepository referrals,
             BusinessCalendars calendars, MeetingProperties properties, ActivityLog activityLog,
             LifecycleTasks lifecycleTasks, RuntimeService runtimeService, EngineActing engine, ReferralTimeline timeline,
             DirectoryNames names, MeetingMailer mailer, Clock clock) {
        this.bookings = bookings;
        this.offers = offers;
        this.referrals = referrals;
        this.calendars = calendars;
        this.properties = properties;
        this.activityLog = activityLog;
        this.lifecycleTasks = lifecycleTasks;
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.timeline = timeline;
        this.names = names;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Meetings can be booked once the owner accepted the referral, while it is open. */
    static boolean bookingOpen(Referral referral) {
        return referral.getOwnerId() != null && referral.getErasedAt() == null
                && (referral.getStatus() == ReferralStatus.ACCEPTED || referral.getStatus() == ReferralStatus.IN_PROGRESS);
    }

    MeetingSlots slotsFor(Referral referral) {
        return new MeetingSlots(calendars.forRegion(referral.getCustomer().getRegion()), properties.slotLength(),
                properties.horizonBusinessDays(), properties.minimumNotice());
    }

    /** The zone the customer's times are shown in: the business calendar's. */
    ZoneId zoneOf(Referral referral) {
        return calendars.forRegion(referral.getCustomer().getRegion()).zone();
    }

    /** The owner's free slots for this referral's meetings (working hours, notice, horizon, minus their meetings). */
    List<Instant> freeSlots(Referral referral) {
        if (referral.getOwnerId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<MeetingSlots.Busy> busy = bookings.standingOf(referral.getOwnerId(), now).stream()
                .map(b -> new MeetingSlots.Busy(b.getStartsAt(), b.getEndsAt())).toList();
        return slotsFor(referral).free(now, busy);
    }

    /** The times the owner offered that are still ahead (they may have become busy since). */
    List<Instant> offered(Referral referral) {
        Instant earliest = clock.instant().plus(properties.minimumNotice());
        return offers.findByReferralIdOrderByStartsAtAsc(referral.getId()).stream().map(MeetingOffer::getStartsAt)
                .filter(start -> !start.isBefore(earliest)).toList();
    }

    /** What the customer may pick now: free slots, and with OFFERED only those the owner offered. */
    List<Instant> bookable(Referral referral) {
        if (!bookingOpen(referral)) {
            return List.of();
        }
        List<Instant> free = freeSlots(referral);
        if (properties.customerPicksFrom() == MeetingProperties.CustomerChoice.ANY_FREE) {
            return free;
        }
        Set<Instant> offeredTimes = new HashSet<>(offered(referral));
        return free.stream().filter(offeredTimes::contains).toList();
    }

    /** The customer's section of the status page. */
    @Transactional(readOnly = true)
    public CustomerMeetingView customerView(long referralId) {
        Referral referral = referrals.findById(referralId).orElse(null);
        if (referral == null || referral.getErasedAt() != null || !referral.getStatus().isOpen()) {
            return CustomerMeetingView.none();
        }
        ZoneId zone = zoneOf(referral);
        MeetingBooking standing = bookings.standingFor(referralId).orElse(null);
        return new CustomerMeetingView(bookingOpen(referral),
                standing == null ? null : new CustomerMeetingView.Slot(standing.getStartsAt().atZone(zone),
                        standing.getEndsAt().atZone(zone)),
                bookable(referral).stream().map(start -> new CustomerMeetingView.Slot(start.atZone(zone),
                        start.plus(properties.slotLength()).atZone(zone))).toList(),
                properties.location());
    }

    /**
     * Books the slot the customer picked (an ISO instant, as the page's form sends it), moving their standing meeting
     * if they have one. A slot that is not on offer now answers SLOT_UNAVAILABLE; one another booking took at the same
     * moment fails on the database's uniqueness (owner, start) — the caller answers that in plain words.
     */
    @Transactional
    public Outcome book(long referralId, String slotId) {
        Referral referral = lockedBookable(referralId);
        if (referral == null) {
            return Outcome.NOT_BOOKABLE;
        }
        Instant start = parse(slotId);
        if (start == null || !slotsFor(referral).onGrid(start)) {
            return Outcome.SLOT_UNAVAILABLE;
        }
        Optional<MeetingBooking> standing = bookings.standingFor(referralId);
        if (standing.isPresent() && standing.get().getStartsAt().equals(start)) {
            return Outcome.BOOKED;   // the same time again (a second click): nothing to change
        }
        if (!bookable(referral).contains(start)) {
            boolean busy = bookings.standingOf(referral.getOwnerId(), start).stream()
                    .anyMatch(b -> b.getStartsAt().isBefore(start.plus(properties.slotLength())));
            return busy && !start.isBefore(clock.instant().plus(properties.minimumNotice()))
                    ? Outcome.SLOT_TAKEN : Outcome.SLOT_UNAVAILABLE;
        }
        Instant now = clock.instant();
        standing.ifPresent(old -> {
            old.cancel(CUSTOMER, now);
            bookings.saveAndFlush(old);
        });
        MeetingBooking booking = bookings.saveAndFlush(new MeetingBooking(UUID.randomUUID() + "@relay",
                referral.getId(), referral.getOwnerId(), start, start.plus(properties.slotLength()), CUSTOMER, now));
        ZoneId zone = zoneOf(referral);
        activityLog.recordMeetingBooked(referral, "Meeting booked by the customer",
                "The customer booked a meeting for " + MeetingTimes.describe(booking.getStartsAt(), booking.getEndsAt(), zone)
                        + (standing.isPresent() ? " (moved from " + MeetingTimes.describe(standing.get().getStartsAt(),
                        standing.get().getEndsAt(), zone) + ")" : "") + ".",
                start, (int) properties.slotLength().toMinutes(), CUSTOMER);
        boolean told = correlate(referral, BOOKED);
        if (!told) {
            // a lifecycle that cannot send the invitations (older version, or ending now): keep nothing
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.UNAVAILABLE;
        }
        if (lifecycleTasks.open(referral.getProcessInstanceId(), LifecycleVariables.WORK_TASK).isPresent()) {
            correlate(referral, ActivityLog.ACTIVITY_RECORDED_MESSAGE);   // a fresh no-activity timer, as for an activity
        }
        return standing.isPresent() ? Outcome.MOVED : Outcome.BOOKED;
    }

    /** The customer cancels their standing meeting from the page. */
    @Transactional
    public Outcome cancelByCustomer(long referralId) {
        Referral referral = referrals.findById(referralId).filter(r -> r.getErasedAt() == null)
                .flatMap(r -> referrals.findForChange(r.getReferenceNumber())).orElse(null);
        if (referral == null) {
            return Outcome.NOTHING_TO_CANCEL;
        }
        Optional<MeetingBooking> standing = bookings.standingFor(referralId);
        if (standing.isEmpty()) {
            return Outcome.NOTHING_TO_CANCEL;
        }
        cancel(referral, standing.get(), CUSTOMER);
        return Outcome.CANCELLED;
    }

    /** Staff cancel a meeting (the caller has been checked); an already cancelled one stays as it is. */
    @Transactional
    public MeetingBooking cancelByStaff(Referral referral, long bookingId, String by) {
        Referral locked = referrals.findForChange(referral.getReferenceNumber()).orElseThrow();
        MeetingBooking booking = bookings.findById(bookingId).filter(b -> b.getReferralId().equals(locked.getId()))
                .orElseThrow(() -> org.relay.common.NotFoundException.of("problem.meeting.not-found",
                        locked.getReferenceNumber(), String.valueOf(bookingId)));
        if (!booking.isCancelled()) {
            cancel(locked, booking, by);
        }
        return booking;
    }

    /** Replaces the times the owner offers the customer (each must be one of the owner's free slots). */
    @Transactional
    public void offer(Referral referral, Collection<Instant> starts, String by) {
        Referral locked = referrals.findForChange(referral.getReferenceNumber()).orElseThrow();
        offers.deleteAllOf(locked.getId());
        Instant now = clock.instant();
        for (Instant start : new java.util.TreeSet<>(starts)) {
            offers.save(new MeetingOffer(locked.getId(), start, by, now));
        }
        timeline.record(locked, ReferralEventType.ACTIVITY, by, "MEETING_TIMES_OFFERED",
                starts.isEmpty() ? StoredSentence.of("timeline.meeting-times.none")
                        : StoredSentence.of("timeline.meeting-times.offered", starts.size()));
    }

    /** Every meeting of the referral, earliest first. */
    @Transactional(readOnly = true)
    public List<MeetingBooking> of(Referral referral) {
        return bookings.findByReferralIdOrderByStartsAtAsc(referral.getId());
    }

    String ownerName(Referral referral) {
        return names.person(referral.getOwnerId());
    }

    private void cancel(Referral referral, MeetingBooking booking, String by) {
        cancelQuietly(referral, booking, by, CUSTOMER.equals(by) ? "by the customer" : null);
        if (!correlate(referral, CANCELLED)) {
            // no lifecycle to send the cancellation (the referral is closed): send it once this is committed
            long referralId = referral.getId();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mailer.sendPendingOutsideLifecycle(referralId);
                }
            });
        }
    }

    /**
     * Cancels the booking and writes it on the timeline, telling nobody yet (the caller sees that the mails go out).
     * {@code why} ends the timeline's sentence ("by the customer"), or null.
     */
    void cancelQuietly(Referral referral, MeetingBooking booking, String by, String why) {
        booking.cancel(by, clock.instant());
        bookings.saveAndFlush(booking);
        timeline.record(referral, ReferralEventType.ACTIVITY, by, "MEETING_CANCELLED", "Meeting of "
                + MeetingTimes.describe(booking.getStartsAt(), booking.getEndsAt(), zoneOf(referral)) + " cancelled"
                + (why == null ? "" : " " + why));
    }

    Instant now() {
        return clock.instant();
    }

    /** Tells the lifecycle {@code message} if it takes it now (see below); false when it does not. */
    boolean tellLifecycle(Referral referral, String message) {
        return correlate(referral, message);
    }

    /**
     * False when the referral's lifecycle does not take the message (none, an older version without the event
     * subprocess, suspended, or ended). Asked first rather than caught: a failed correlation inside this transaction
     * would mark it rollback-only.
     */
    private boolean correlate(Referral referral, String message) {
        String instance = referral.getProcessInstanceId();
        if (instance == null) {
            return false;
        }
        return engine.asRelay(() -> {
            boolean waiting = runtimeService.createProcessInstanceQuery().processInstanceId(instance).active().count() > 0
                    && runtimeService.createEventSubscriptionQuery().processInstanceId(instance).eventType("message")
                    .eventName(message).count() > 0;
            if (waiting) {
                runtimeService.createMessageCorrelation(message).processInstanceId(instance).correlateWithResult();
            }
            return waiting;
        });
    }

    private Referral lockedBookable(long referralId) {
        return referrals.findById(referralId).filter(Meetings::bookingOpen)
                .flatMap(r -> referrals.findForChange(r.getReferenceNumber()))
                .filter(Meetings::bookingOpen).orElse(null);
    }

    static Instant parse(String slotId) {
        if (slotId == null || slotId.length() > 40) {
            return null;
        }
        try {
            return Instant.parse(slotId.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
