package org.relay.customerstatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.relay.i18n.RelayLocaleResolver;
import org.relay.i18n.Texts;
import org.relay.links.AccessLinkPurpose;
import org.relay.links.AccessLinks;
import org.relay.meeting.Meetings;
import org.relay.webform.WebFormProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;
import java.util.Optional;

/**
 * The customer's status page: {@code /public/status/{token}}, the link in their confirmation mail. No login, no
 * JavaScript; the token is the only key, and an unknown, expired or revoked one gets the same plain "this link no
 * longer works" page (404). From the page the customer writes to their specialist or withdraws the request (HTML
 * forms with a CSRF token, post/redirect/get), and books, moves or cancels a meeting with the specialist
 * (org.relay.meeting). Rate-limited per address; bodies are capped by the public pages' size
 * limit (webform MaxBodySizeFilter).
 */
@Controller
class CustomerStatusPage {

    static final String PATH = "/public/status/";
    private static final Logger log = LoggerFactory.getLogger(CustomerStatusPage.class);

    private final AccessLinks links;
    private final CustomerRequests requests;
    private final StatusPageRateLimit rateLimit;
    private final CustomerStatusProperties properties;
    private final WebFormProperties brand;
    private final Meetings meetings;
    private final RelayLocaleResolver locales;
    private final Texts texts;

    CustomerStatusPage(AccessLinks links, CustomerRequests requests, StatusPageRateLimit rateLimit,
                       CustomerStatusProperties properties, WebFormProperties brand, Meetings meetings,
                       RelayLocaleResolver locales, Texts texts) {
        this.locales = locales;
        this.texts = texts;
        this.meetings = meetings;
        this.links = links;
        this.requests = requests;
        this.rateLimit = rateLimit;
        this.properties = properties;
        this.brand = brand;
    }

    @Operation(summary = "The customer's status page (HTML, the token from their confirmation mail)",
            description = "Where the request stands in plain words, the specialist's first name and address, a message"
                    + " form and the way to withdraw. 404 for an unknown, expired or revoked link.",
            responses = @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html")))
    @GetMapping(PATH + "{token}")
    String page(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!rateLimit.mayView(request.getRemoteAddr())) {
            return tooMany(model, response);
        }
        Optional<Visit> visit = visit(token);
        if (visit.isEmpty()) {
            return gone(model, response);
        }
        return page(token, visit.get(), model, request, response, null, null);
    }

    @Operation(summary = "Send a message to the specialist from the status page (HTML form post, CSRF token)",
            description = "Recorded as an activity on the referral; the owner (or the queue) gets it by mail.",
            responses = @ApiResponse(responseCode = "302", description = "Back to the page, with a confirmation",
                    content = @Content(mediaType = "text/html")))
    @PostMapping(PATH + "{token}/message")
    String message(@PathVariable String token, @Parameter(description = "the customer's message")
                   @RequestParam(required = false) String message, Model model, HttpServletRequest request,
                   HttpServletResponse response, RedirectAttributes redirect) {
        if (!rateLimit.maySend(request.getRemoteAddr())) {
            return tooMany(model, response);
        }
        Optional<Visit> visit = visit(token);
        if (visit.isEmpty()) {
            return gone(model, response);
        }
        String text = message == null ? "" : message.strip();
        Locale language = visit.get().view().language();
        String problem = text.isEmpty() ? texts.get("status.problem.empty", language)
                : text.length() > properties.messageMaxLength()
                ? texts.get("status.problem.too-long", language, properties.messageMaxLength())
                : text.chars().anyMatch(c -> c == 0) ? texts.get("status.problem.characters", language) : null;
        if (problem != null) {
            response.setStatus(400);
            return page(token, visit.get(), model, request, response, problem, message);
        }
        CustomerRequests.Outcome outcome = changeOrConflict(() -> requests.sendMessage(visit.get().referralId(), text));
        if (outcome == null) {
            return busy(token, visit.get(), model, request, response);
        }
        redirect.addFlashAttribute("notice", outcome == CustomerRequests.Outcome.DONE ? "MESSAGE_SENT" : outcome.name());
        return "redirect:" + PATH + token;
    }

    @Operation(summary = "Confirm withdrawing the request (HTML)", description = "Asks before the request is withdrawn.",
            responses = @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html")))
    @GetMapping(PATH + "{token}/withdraw")
    String confirmWithdrawal(@PathVariable String token, Model model, HttpServletRequest request,
                             HttpServletResponse response) {
        if (!rateLimit.mayView(request.getRemoteAddr())) {
            return tooMany(model, response);
        }
        Optional<Visit> visit = visit(token);
        if (visit.isEmpty()) {
            return gone(model, response);
        }
        noStore(response);
        locales.use(request, visit.get().view().language());
        model.addAttribute("brand", brand);
        model.addAttribute("token", token);
        model.addAttribute("view", visit.get().view());
        return "status/withdraw";
    }

    @Operation(summary = "Withdraw the request (HTML form post, CSRF token)",
            description = "Closes the referral as lost, reason \"withdrawn by the customer\"; the owner is told by mail."
                    + " A closed request answers in plain words and stays as it is.",
            responses = @ApiResponse(responseCode = "302", description = "Back to the page, with a confirmation",
                    content = @Content(mediaType = "text/html")))
    @PostMapping(PATH + "{token}/withdraw")
    String withdraw(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect) {
        if (!rateLimit.maySend(request.getRemoteAddr())) {
            return tooMany(model, response);
        }
        Optional<Visit> visit = visit(token);
        if (visit.isEmpty()) {
            return gone(model, response);
        }
        CustomerRequests.Outcome outcome = changeOrConflict(() -> requests.withdraw(visit.get().referralId()));
        if (outcome == null) {
            return busy(token, visit.get(), model, request, response);
        }
        redirect.addFlashAttribute("notice", outcome == CustomerRequests.Outcome.DONE ? "WITHDRAWN" : outcome.name());
        return "redirect:" + PATH + token;
    }

    @Operation(summary = "Book a meeting with the specialist, or move the one booked (HTML form post, CSRF token)",
            description = "slot: one of the times the page lists (an ISO instant). The customer and the specialist get a"
                    + " calendar invitation by mail. A time no longer on offer answers 400, one just taken 409, in plain words.",
            responses = @ApiResponse(responseCode = "302", description = "Back to the page, with a confirmation",
                    content = @Content(mediaType = "text/html")))
    @PostMapping(PATH + "{token}/meeting")
    String bookMeeting(@PathVariable String token, @Parameter(description = "the chosen time, as the page lists it")
                       @RequestParam(required = false) String slot, Model model, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect) {
        if (!rateLimit.maySend(request.getRemoteAddr())) {
            return tooMany(model, response);
        }
        Optional<Visit> visit = visit(token);
        if (visit.isEmpty()) {
            return gone(model, response);
        }
        Meetings.Outcome outcome;
        try {
            outcome = slot == null || slot.isBlank() ? null : meetings.book(visit.get().referralId(), slot);
        } catch (DataIntegrityViolationException e) {
            // another booking took the same time of the same specialist a moment earlier (the database's uniqueness)
            outcome = Meetings.Outcome.SLOT_TAKEN;
        } catch (ConcurrencyFailureException | org.camunda.bpm.engine.OptimisticLockingException e) {
            log.info("A customer's booking on the status page met a concurrent change: {}", e.toString());
            return busy(token, visit.get(), model, request, response);
        }
        if (outcome == null || outcome == Meetings.Outcome.SLOT_UNAVAILABLE || outcome == Meetings.Outcome.SLOT_TAKEN
                || outcome == Meetings.Outcome.NOT_BOOKABLE) {
            response.setStatus(outcome == null || outcome == Meetings.Outcome.SLOT_UNAVAILABLE ? 400 : 409);
            model.addAttribute("meetingProblem", outcome == null ? "NO_SLOT" : outcome.name());
            return page(token, requests.view(visit.get().referralId()).map(fresh -> new Visit(visit.get().referralId(), fresh)).orElse(visit.get()), model, request, response, null, null);
        }
        redirect.addFlashAttribute("notice", "MEETING_" + outcome.name());
        return "redirect:" + PATH + token + "#meeting";
    }

    @Operation(summary = "Cancel the booked meeting (HTML form post, CSRF token)",
            description = "The customer and the specialist get the calendar cancellation by mail; new times can be picked.",
            responses = @ApiResponse(responseCode = "302", description = "Back to the page, with a confirmation",
                    content = @Content(mediaType = "text/html")))
    @PostMapping(PATH + "{token}/meeting/cancel")
    String cancelMeeting(@PathVariable String token, Model model, HttpServletRequest request,
                         HttpServletResponse response, RedirectAttributes redirect) {
        if (!rateLimit.maySend(request.getRemoteAddr())) {
            return tooMany(model, response);
        }
        Optional<Visit> visit = visit(token);
        if (visit.isEmpty()) {
            return gone(model, response);
        }
        Meetings.Outcome outcome;
        try {
            outcome = meetings.cancelByCustomer(visit.get().referralId());
        } catch (ConcurrencyFailureException | org.camunda.bpm.engine.OptimisticLockingException e) {
            log.info("A customer's cancellation on the status page met a concurrent change: {}", e.toString());
            return busy(token, visit.get(), model, request, response);
        }
        redirect.addFlashAttribute("notice", "MEETING_" + outcome.name());
        return "redirect:" + PATH + token + "#meeting";
    }

    /** The referral a working link opens, and what its page shows: resolved once per request. */
    private record Visit(Long referralId, StatusPageView view) {
    }

    private Optional<Visit> visit(String token) {
        return links.resolve(token, AccessLinkPurpose.CUSTOMER_STATUS)
                .flatMap(id -> requests.view(id).map(view -> new Visit(id, view)));
    }

    private String page(String token, Visit visit, Model model, HttpServletRequest request, HttpServletResponse response,
                        String problem, String typed) {
        StatusPageView view = visit.view();
        noStore(response);
        // the language of the customer's request, unless they picked another on the page (?lang=)
        locales.use(request, view.language());
        model.addAttribute("brand", brand);
        model.addAttribute("token", token);
        model.addAttribute("view", view);
        model.addAttribute("problem", problem);
        model.addAttribute("typed", typed);
        model.addAttribute("maxLength", properties.messageMaxLength());
        model.addAttribute("meeting", meetings.customerView(visit.referralId()));
        return "status/page";
    }

    /** Someone on the bank's side changed the request at the same moment: nothing was kept, try again. */
    private static CustomerRequests.Outcome changeOrConflict(java.util.function.Supplier<CustomerRequests.Outcome> change) {
        try {
            return change.get();
        } catch (ConcurrencyFailureException | org.camunda.bpm.engine.OptimisticLockingException e) {
            log.info("A customer's request on the status page met a concurrent change: {}", e.toString());
            return null;
        }
    }

    private String busy(String token, Visit visit, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(409);
        return page(token, visit, model, request, response,
                texts.get("status.problem.busy", visit.view().language()), null);
    }

    private String gone(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        noStore(response);
        model.addAttribute("brand", brand);
        return "status/gone";
    }

    private String tooMany(Model model, HttpServletResponse response) {
        response.setStatus(429);
        response.setHeader("Retry-After", "60");
        model.addAttribute("brand", brand);
        return "webform/too-many";
    }

    /** The page names the customer: not kept by browsers' or proxies' caches, and not sent on as a referrer. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
