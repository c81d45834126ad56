package org.relay.referrerview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.relay.calendar.BusinessCalendars;
import org.relay.common.ReadOnly;
import org.relay.routing.Advocate;
import org.relay.standing.ReferralStanding;
import org.relay.standing.ReferralStandings;
import org.relay.webform.WebFormProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;

/**
 * An advocate's or partner's page, {@code /public/referrals/{token}}: the referrals they sent and where each stands,
 * in the customer status page's look — no login, no JavaScript, fit for a phone, never cached. The token is the only
 * key; an unknown, expired or revoked one gets one plain "This link no longer works" page (404). Rate-limited per
 * address. Shows what a referrer may know (ReferralStanding) and less: the customer by first name and initial, the
 * owner by first name, no opportunity numbers, queues, notes or scores.
 */
@Controller
class ReferrerViewPage {

    static final int PAGE_SIZE = 20;

    /** One referral as the advocate reads it. */
    record Row(String reference, String customer, String product, String status, String ownerFirstName,
               java.time.Instant sentAt, java.time.Instant lastActivityAt, String closeReason, java.time.Instant endedAt,
               List<org.relay.activity.SharedActivities.Summary> shared) {
    }

    private final ReferrerViewLinks links;
    private final ReferralStandings standings;
    private final ReferrerViewRateLimit rateLimit;
    private final WebFormProperties brand;
    private final BusinessCalendars calendars;
    private final ReadOnly readOnly;
    private final org.relay.audit.AuditTrail audit;
    private final org.relay.rewards.AdvocateRewards rewards;
    private final org.relay.i18n.RelayLocaleResolver locales;
    private final org.relay.i18n.Languages languages;

    ReferrerViewPage(ReferrerViewLinks links, ReferralStandings standings, ReferrerViewRateLimit rateLimit,
                     WebFormProperties brand, BusinessCalendars calendars, ReadOnly readOnly,
                     org.relay.audit.AuditTrail audit, org.relay.rewards.AdvocateRewards rewards,
                     org.relay.i18n.RelayLocaleResolver locales, org.relay.i18n.Languages languages) {
        this.locales = locales;
        this.languages = languages;
        this.audit = audit;
        this.rewards = rewards;
        this.links = links;
        this.standings = standings;
        this.rateLimit = rateLimit;
        this.brand = brand;
        this.calendars = calendars;
        this.readOnly = readOnly;
    }

    @Operation(summary = "An advocate's or partner's referrals (HTML, the signed link from their mails)",
            description = "Where each referral they sent stands: status, the specialist's first name, last activity,"
                    + " outcome and what was shared with them. 404 for an unknown, expired or revoked link.",
            responses = @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html")))
    @GetMapping(ReferrerViewLinks.PATH + "{token}")
    String page(@PathVariable String token, @RequestParam(defaultValue = "1") String page, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("brand", brand);
        if (!rateLimit.mayView(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            return "webform/too-many";
        }
        Optional<Advocate> advocate = links.open(token);
        if (advocate.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "referrerview/gone";
        }
        int from = pageNumber(page);
        // the advocate's own language (kept with them) unless the visitor picked one on the page (?lang=)
        if (advocate.get().getLanguage() != null) {
            locales.use(request, languages.orDefault(advocate.get().getLanguage()));
        }
        java.util.Locale language = locales.resolveLocale(request);
        ReferralStandings.SentPage sent = readOnly.read(() -> standings.sentByExternal(advocate.get().getCode(), from, PAGE_SIZE, language));
        audit.write(org.relay.audit.AuditAction.LISTED, null, "referrals sent by advocate " + advocate.get().getCode()
                + " (their signed link)", sent.standings().size() + " of " + sent.total() + ", page " + from, null);
        model.addAttribute("name", advocate.get().getName());
        model.addAttribute("token", token);
        model.addAttribute("sent", sent);
        model.addAttribute("rows", sent.standings().stream().map(this::row).toList());
        model.addAttribute("zone", calendars.forRegion(null).zone());
        // their rewards (org.relay.rewards, issue #29): balances and each reward, on the first page
        model.addAttribute("rewards", from == 0 ? rewards.of(advocate.get().getCode()) : null);
        return "referrerview/page";
    }

    private Row row(ReferralStanding s) {
        return new Row(s.referenceNumber(), shortName(s.customerName()), s.productLabel(), s.status().name(),
                s.holder().firstName(), s.sentAt(), s.lastActivityAt(),
                s.status() == org.relay.referral.ReferralStatus.CLOSED_LOST ? closeReasonOf(s) : null,
                s.outcome() == null ? null : s.outcome().at(), s.sharedActivities());
    }

    /** The catalog's words for why it closed, from the standing's "Closed as lost: …". */
    private static String closeReasonOf(ReferralStanding s) {
        String text = s.outcome() == null ? null : s.outcome().text();
        int colon = text == null ? -1 : text.indexOf(": ");
        return colon < 0 ? null : text.substring(colon + 2);
    }

    /** "Kiara T.": enough for the advocate to know whom they referred, little for anyone a link is forwarded to. */
    static String shortName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String[] parts = name.trim().split("\\s+");
        return parts.length == 1 ? parts[0] : parts[0] + " " + parts[parts.length - 1].charAt(0) + ".";
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.trim()), 100_000)) - 1;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
