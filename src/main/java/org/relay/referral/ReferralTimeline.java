package org.relay.referral;

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

    public ReferralTimeline(ReferralEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Instant record(Referral referral, ReferralEventType type, String actor, String reason, String detail) {
        Instant now = clock.instant();
        events.save(new ReferralEvent(referral.getId(), type, actor, reason, detail, now));
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
