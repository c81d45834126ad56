package org.relay.standing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.ReadOnly;
import org.relay.referral.ReferrerType;
import org.relay.referrerpreference.ReferrerPreferences;
import org.relay.security.Callers;
import org.relay.calendar.BusinessCalendars;
import org.relay.webform.WebFormProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Referrals I sent" as a page, linked from Tasklist's header: the signed-in colleague's referrals (Tasklist session
 * or HTTP Basic), 20 a page, newest first. The table is a fragment of its own (standing/sent.html :: standings), so a
 * page for external referrers behind a signed link can show the same rows.
 */
@Controller
class SentReferralsPage {

    static final int PAGE_SIZE = 20;

    private final ReferralStandings standings;
    private final Callers callers;
    private final ReadOnly readOnly;
    private final AuditTrail audit;
    private final WebFormProperties brand;
    private final BusinessCalendars calendars;
    private final ReferrerPreferences preferences;

    SentReferralsPage(ReferralStandings standings, Callers callers, ReadOnly readOnly, AuditTrail audit,
                      WebFormProperties brand, BusinessCalendars calendars, ReferrerPreferences preferences) {
        this.preferences = preferences;
        this.standings = standings;
        this.callers = callers;
        this.readOnly = readOnly;
        this.audit = audit;
        this.brand = brand;
        this.calendars = calendars;
    }

    @Operation(operationId = "standingSentPage", summary = "Referrals I sent (HTML page)", description = "The signed-in user's own referrals and where each stands; the JSON is GET /api/referrals/sent.",
            responses = @ApiResponse(responseCode = "200", description = "The page",
                    content = @Content(mediaType = "text/html")))
    @GetMapping("/referrals/sent")
    String sent(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String ref,
                @RequestParam(required = false) String saved, Model model,
                HttpServletResponse response, @io.swagger.v3.oas.annotations.Parameter(hidden = true) java.util.Locale locale) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("brand", brand);
        model.addAttribute("saved", saved != null);
        // dates as the bank's staff read them: in the business calendar's zone
        model.addAttribute("zone", calendars.forRegion(null).zone());
        String me = callers.currentUserIdOrNull();
        if (me == null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return "standing/sign-in";
        }
        int from = Math.max(page, 1) - 1;
        // ?ref= (the link in a referrer's mail) shows that one referral, if the signed-in colleague sent it
        String one = ref == null || ref.isBlank() ? null : ref.trim();
        ReferralStandings.SentPage sent = readOnly.read(() -> one != null
                ? standings.sentBy(ReferrerType.INTERNAL_USER, me, one, locale)
                : standings.sentBy(ReferrerType.INTERNAL_USER, me, from, PAGE_SIZE, locale));
        model.addAttribute("one", one);
        model.addAttribute("mode", preferences.modeOf(ReferrerType.INTERNAL_USER, me).name());
        audit.write(AuditAction.LISTED, null, "referrals sent by " + me + " (page)", sent.standings().size() + " of "
                + sent.total() + ", page " + from, null);
        model.addAttribute("sent", sent);
        return "standing/sent";
    }
}
