package org.relay.notification;

import org.relay.referrerpreference.ReferrerPreferences;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.relay.common.WithoutEngineUser;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEvent;
import org.relay.referral.ReferralEventRecorded;
import org.relay.referral.ReferralEventType;
import org.relay.referral.Referrer;
import org.relay.referral.ReferrerType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hooks the referrer's mails into the one place turns are recorded (the referral's timeline): each turn that
 * matters to the referrer becomes a {@link ReferrerTurn} in the same transaction, and one told at once starts the
 * small {@code ReferrerUpdateProcess}, whose async step mails it once the turn is committed — retried, and an
 * incident in Cockpit when SMTP stays down, like every other mail. The conversion is told by the lifecycle's own
 * Thank referrer step instead: it runs after the referrer's score counts the conversion.
 */
@Component
class ReferrerTurns {

    static final String PROCESS_KEY = "ReferrerUpdateProcess";
    static final String TURN_ID = "referrerTurnId";
    static final String BUSINESS_KEY_PREFIX = "TELL-";

    /** What a referrer hears about: who took it, where it went, how it ended, that it came back. */
    static final Set<ReferralEventType> TURNS = EnumSet.of(ReferralEventType.ACCEPTED, ReferralEventType.REJECTED,
            ReferralEventType.REASSIGNED, ReferralEventType.ESCALATED, ReferralEventType.CONVERTED,
            ReferralEventType.CLOSED_LOST, ReferralEventType.MERGED, ReferralEventType.REOPENED);

    /** How it ended: all an "outcomes only" referrer hears (a merge closes it as lost, as a duplicate). */
    static final Set<ReferralEventType> OUTCOMES = EnumSet.of(ReferralEventType.CONVERTED,
            ReferralEventType.CLOSED_LOST, ReferralEventType.MERGED);

    private final boolean enabled;
    private final ReferrerTurnRepository turns;
    private final ReferrerPreferences preferences;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    ReferrerTurns(@Value("${relay.referrer-updates.enabled:true}") boolean enabled, ReferrerTurnRepository turns,
                  ReferrerPreferences preferences, RuntimeService runtimeService, IdentityService identityService) {
        this.enabled = enabled;
        this.turns = turns;
        this.preferences = preferences;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @EventListener
    void on(ReferralEventRecorded recorded) {
        record(recorded.referral(), recorded.event()).ifPresent(turn -> {
            if (turn.getDelivery() == ReferrerTurn.Delivery.NOW && turn.getType() != ReferralEventType.CONVERTED) {
                // Relay's own step: no staff user holds rights on this process (the recording user may be in Tasklist)
                // its own business key: the reference alone names the referral's lifecycles (erasure, history queries)
                WithoutEngineUser.run(identityService, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                        BUSINESS_KEY_PREFIX + recorded.referral().getReferenceNumber(), Map.of(TURN_ID, turn.getId())));
            }
        });
    }

    /** The turn for this timeline entry, if its referrer is to hear about it (and can be: not a customer). */
    Optional<ReferrerTurn> record(Referral referral, ReferralEvent event) {
        Referrer referrer = referral.getReferrer();
        if (!enabled || !TURNS.contains(event.getType()) || referrer == null || referrer.getId() == null
                || referrer.getType() == ReferrerType.CUSTOMER
                || (referrer.getType() == ReferrerType.INTERNAL_USER && referrer.getId().equals(event.getActor()))) {
            return Optional.empty();   // nobody to tell, or they did it themselves
        }
        ReferrerTurn.Delivery delivery = switch (preferences.modeOf(referrer.getType(), referrer.getId())) {
            case EVERY_EVENT -> ReferrerTurn.Delivery.NOW;
            case DAILY_DIGEST -> ReferrerTurn.Delivery.DIGEST;
            case OUTCOMES_ONLY -> OUTCOMES.contains(event.getType()) ? ReferrerTurn.Delivery.NOW : null;
        };
        if (delivery == null) {
            return Optional.empty();
        }
        return Optional.of(turns.save(new ReferrerTurn(referral.getId(), event.getId(), event.getType(),
                referrer.getType(), referrer.getId(), delivery, event.getOccurredAt())));
    }
}
