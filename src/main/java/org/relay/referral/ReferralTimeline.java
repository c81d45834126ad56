package org.relay.referral;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Writes and reads the timeline of a referral. */
@Component
public class ReferralTimeline {

    private final ReferralEventRepository events;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;

    public ReferralTimeline(ReferralEventRepository events, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc,
                            ApplicationEventPublisher publisher) {
        this.events = events;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Instant record(Referral referral, ReferralEventType type, String actor, String reason, String detail) {
        Instant now = clock.instant();
        ReferralEvent event = events.save(new ReferralEvent(referral.getId(), type, actor, reason, detail, now));
        publisher.publishEvent(new ReferralEventRecorded(referral, event));
        return now;
    }

    /**
     * The same event on many referrals in one batched statement (a digest mail announcing hundreds of imported
     * referrals): one round trip instead of one insert per referral.
     */
    public Instant recordAll(List<Long> referralIds, ReferralEventType type, String actor, String reason, String detail) {
        Instant now = clock.instant();
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        jdbc.batchUpdate("insert into referral_event (referral_id, type, actor, reason, detail, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                referralIds.stream().map(id -> new Object[]{id, type.name(), actor, reason, detail, at}).toList());
        return now;
    }

    public List<ReferralEvent> of(Referral referral) {
        return events.findByReferralIdOrderByOccurredAtAscIdAsc(referral.getId());
    }

    /** Everyone who has rejected this referral: routing never offers it to them again. */
    public Set<String> rejecters(Long referralId) {
        return events.actorsOf(referralId, ReferralEventType.REJECTED);
    }
}
