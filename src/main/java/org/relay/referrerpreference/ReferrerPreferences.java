package org.relay.referrerpreference;

import org.relay.referral.ReferrerType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Each referrer's {@link ReferrerUpdateMode}: every event unless they (or a manager, for an advocate) chose otherwise. */
@Component
public class ReferrerPreferences {

    private final ReferrerPreferenceRepository preferences;
    private final Clock clock;

    ReferrerPreferences(ReferrerPreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    public ReferrerUpdateMode modeOf(ReferrerType type, String referrerId) {
        return preferences.findById(new ReferrerPreference.Key(kept(type), referrerId))
                .map(ReferrerPreference::getMode).orElse(ReferrerUpdateMode.EVERY_EVENT);
    }

    @Transactional
    public ReferrerUpdateMode choose(ReferrerType type, String referrerId, ReferrerUpdateMode mode, String by) {
        ReferrerPreference preference = preferences.findById(new ReferrerPreference.Key(kept(type), referrerId))
                .orElseGet(() -> new ReferrerPreference(kept(type), referrerId));
        preference.choose(mode, by, clock.instant());
        preferences.save(preference);
        return mode;
    }

    /** Advocates and partners share one table of codes (routing's advocate table): one preference per code. */
    private static ReferrerType kept(ReferrerType type) {
        return type == ReferrerType.PARTNER ? ReferrerType.ADVOCATE : type;
    }
}
