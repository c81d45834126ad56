package org.relay.referrerpreference;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.referral.ReferrerType;
import org.relay.security.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "How should we tell you?" form on "Referrals I sent": a colleague signed into Tasklist chooses their own
 * preference there. A POST with the Tasklist session, so it carries Spring Security's CSRF token (RelaySecurity).
 */
@Controller
class ReferrerPreferencesPage {

    private final ReferrerPreferences preferences;
    private final Callers callers;
    private final AuditTrail audit;

    ReferrerPreferencesPage(ReferrerPreferences preferences, Callers callers, AuditTrail audit) {
        this.preferences = preferences;
        this.callers = callers;
        this.audit = audit;
    }

    @Operation(summary = "Choose how I hear about my referrals (form on Referrals I sent)",
            description = "Form post of the Referrals I sent page; the JSON API is PUT /api/me/referrer-preferences.")
    @PostMapping("/referrals/sent/preferences")
    String choose(@RequestParam(required = false) String mode, HttpServletResponse response) {
        String me = callers.currentUserIdOrNull();
        if (me == null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return "standing/sign-in";
        }
        ReferrerUpdateMode chosen = preferences.choose(ReferrerType.INTERNAL_USER, me,
                ReferrerPreferencesController.modeOf(mode), me);
        audit.write(AuditAction.CHANGED, null, "referrer preferences of " + me, chosen.name(), null);
        return "redirect:/referrals/sent?saved=" + chosen.name();
    }
}
