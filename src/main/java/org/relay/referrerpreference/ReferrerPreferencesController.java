package org.relay.referrerpreference;

import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.ForbiddenException;
import org.relay.common.InvalidRequestException;
import org.relay.common.NotFoundException;
import org.relay.referral.ReferrerType;
import org.relay.routing.AdvocateRepository;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a referrer hears about their referrals (every event, daily digest, outcomes only). A colleague sets their own
 * ({@code /api/me/...}: nobody sets another colleague's); managers and administrators set an advocate's or partner's,
 * who have no sign-in of their own.
 */
@RestController
class ReferrerPreferencesController {

    /** The body of a PUT: {@code mode} is one of {@link ReferrerUpdateMode}. */
    record PreferenceInput(String mode) {
    }

    /** A referrer's choice, and the choices there are. */
    record PreferenceView(ReferrerType referrerType, String referrerId, ReferrerUpdateMode mode,
                          List<ReferrerUpdateMode> modes) {
        PreferenceView(ReferrerType referrerType, String referrerId, ReferrerUpdateMode mode) {
            this(referrerType, referrerId, mode, List.of(ReferrerUpdateMode.values()));
        }
    }

    private final ReferrerPreferences preferences;
    private final Callers callers;
    private final AdvocateRepository advocates;
    private final AuditTrail audit;

    ReferrerPreferencesController(ReferrerPreferences preferences, Callers callers, AdvocateRepository advocates,
                                  AuditTrail audit) {
        this.preferences = preferences;
        this.callers = callers;
        this.advocates = advocates;
        this.audit = audit;
    }

    @GetMapping("/api/me/referrer-preferences")
    PreferenceView mine() {
        String me = callers.current().userId();
        return new PreferenceView(ReferrerType.INTERNAL_USER, me, preferences.modeOf(ReferrerType.INTERNAL_USER, me));
    }

    @PutMapping("/api/me/referrer-preferences")
    PreferenceView chooseMine(@RequestBody(required = false) PreferenceInput input) {
        String me = callers.current().userId();
        ReferrerUpdateMode mode = preferences.choose(ReferrerType.INTERNAL_USER, me, modeOf(input == null ? null : input.mode()), me);
        audit.write(AuditAction.CHANGED, null, "referrer preferences of " + me, mode.name(), null);
        return new PreferenceView(ReferrerType.INTERNAL_USER, me, mode);
    }

    @GetMapping("/api/advocates/{code}/referrer-preferences")
    PreferenceView advocates(@PathVariable String code) {
        String advocate = requireAdvocate(code);
        return new PreferenceView(ReferrerType.ADVOCATE, advocate, preferences.modeOf(ReferrerType.ADVOCATE, advocate));
    }

    @PutMapping("/api/advocates/{code}/referrer-preferences")
    PreferenceView chooseAdvocates(@PathVariable String code, @RequestBody(required = false) PreferenceInput input) {
        String advocate = requireAdvocate(code);
        ReferrerUpdateMode mode = preferences.choose(ReferrerType.ADVOCATE, advocate, modeOf(input == null ? null : input.mode()),
                callers.current().userId());
        audit.write(AuditAction.CHANGED, null, "referrer preferences of advocate " + advocate, mode.name(), null);
        return new PreferenceView(ReferrerType.ADVOCATE, advocate, mode);
    }

    /** Managers and administrators; an unknown code is 404 (checked after the role, so codes cannot be probed). */
    private String requireAdvocate(String code) {
        Caller caller = callers.current();
        if (!caller.manager() && !caller.isAdmin()) {
            throw ForbiddenException.of("problem.advocate.preferences-for-managers");
        }
        return advocates.findById(code).map(a -> a.getCode())
                .orElseThrow(() -> NotFoundException.of("problem.advocate.not-found", code));
    }

    /** The mode a request names, or a 400 naming {@code mode} and the modes there are. */
    static ReferrerUpdateMode modeOf(String mode) {
        String given = mode == null ? "" : mode.trim();
        try {
            return ReferrerUpdateMode.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("mode",
                    given.isEmpty() ? "problem.preferences.mode-required" : "problem.preferences.not-a-mode",
                    String.join(", ", Arrays.stream(ReferrerUpdateMode.values()).map(Enum::name).toList()), given);
        }
    }
}
