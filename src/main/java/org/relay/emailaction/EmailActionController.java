package org.relay.emailaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.relay.catalog.Catalog;
import org.relay.common.ConflictException;
import org.relay.common.Money;
import org.relay.referral.Referral;
import org.relay.scoring.LeadScore;
import org.relay.webform.WebFormProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind email action links. GET only shows a confirmation (mail scanners pre-fetch links); the POST
 * from that page decides.
 */
@Controller
class EmailActionController {

    private final EmailActions actions;
    private final Catalog catalog;
    private final WebFormProperties brand;

    EmailActionController(EmailActions actions, Catalog catalog, WebFormProperties brand) {
        this.actions = actions;
        this.catalog = catalog;
        this.brand = brand;
    }

    @Operation(summary = "Confirm a one-click Accept or Reject from a mail (HTML)", description = "The signed link's token names the referral, the recipient and the action; opening it changes nothing.",
            responses = @ApiResponse(responseCode = "200", description = "The page",
                    content = @Content(mediaType = "text/html")))
    @GetMapping("/actions/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        EmailActions.Check check = actions.check(token);
        if (check.problem().isPresent()) {
            return problem(check.problem().get(), model, response);
        }
        return confirmation(check, token, model);
    }

    /** What the mail promised: the customer, the interest and its value, the lead score, who referred it. */
    private String confirmation(EmailActions.Check check, String token, Model model) {
        Referral referral = check.referral();
        model.addAttribute("check", check);
        model.addAttribute("token", token);
        model.addAttribute("brand", brand);
        model.addAttribute("rejectReasons", catalog.rejectReasons());
        model.addAttribute("product", catalog.productLabel(referral.getExpressedInterest()));
        model.addAttribute("interestValue", Money.format(referral.getInterestAmount(), referral.getInterestCurrency(),
                "not given"));
        model.addAttribute("leadScore", LeadScore.summary(referral.getLeadScore(), referral.getLeadScoreFactors(),
                referral.getLeadScoreModel()));
        return "actions/confirm";
    }

    @Operation(summary = "Carry out a one-click Accept or Reject (HTML form post)", description = "Accepts or rejects the referral as the recipient the signed token names, once; a used, expired or forged token gets a page saying so.",
            responses = @ApiResponse(responseCode = "200", description = "The page",
                    content = @Content(mediaType = "text/html")))
    @PostMapping("/actions/{token}")
    String perform(@PathVariable String token, @RequestParam(required = false) String rejectReason,
                   @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        EmailActions.Check check;
        try {
            check = actions.perform(token, rejectReason, note);
        } catch (ConflictException decidedMeanwhile) {
            return problem(EmailActions.Problem.STALE, model, response);
        }
        if (check.problem().filter(refusal -> refusal == EmailActions.Problem.INVALID_REASON).isPresent()) {
            // the link still works: the same page again, saying what is missing
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", EmailActions.Problem.INVALID_REASON.message());
            model.addAttribute("note", note);
            return confirmation(check, token, model);
        }
        if (check.problem().isPresent()) {
            return problem(check.problem().get(), model, response);
        }
        model.addAttribute("check", check);
        model.addAttribute("brand", brand);
        return "actions/done";
    }

    private String problem(EmailActions.Problem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        model.addAttribute("message", problem.message());
        model.addAttribute("brand", brand);
        return "actions/problem";
    }
}
