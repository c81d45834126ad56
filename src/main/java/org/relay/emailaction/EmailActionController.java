package org.relay.emailaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogLabels;
import org.relay.i18n.LocalFormats;
import org.relay.i18n.RelayLocaleResolver;
import org.relay.i18n.StoredSentences;
import org.relay.i18n.Texts;
import org.relay.i18n.UserLanguages;
import org.relay.common.ConflictException;
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

    private final CatalogLabels labels;
    private final LocalFormats formats;
    private final UserLanguages userLanguages;
    private final RelayLocaleResolver locales;
    private final Texts texts;
    private final StoredSentences storedSentences;

    EmailActionController(EmailActions actions, Catalog catalog, WebFormProperties brand, CatalogLabels labels,
                          LocalFormats formats, UserLanguages userLanguages, RelayLocaleResolver locales, Texts texts,
                          StoredSentences storedSentences) {
        this.storedSentences = storedSentences;
        this.labels = labels;
        this.formats = formats;
        this.userLanguages = userLanguages;
        this.locales = locales;
        this.texts = texts;
        this.actions = actions;
        this.catalog = catalog;
        this.brand = brand;
    }

    @Operation(summary = "Confirm a one-click Accept or Reject from a mail (HTML)", description = "The signed link's token names the referral, the recipient and the action; opening it changes nothing.",
            responses = @ApiResponse(responseCode = "200", description = "The page",
                    content = @Content(mediaType = "text/html")))
    @GetMapping("/actions/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        EmailActions.Check check = actions.check(token);
        if (check.problem().isPresent()) {
            return problem(check.problem().get(), model, request, response);
        }
        return confirmation(check, token, model, request);
    }

    /** What the mail promised: the customer, the interest and its value, the lead score, who referred it. */
    private String confirmation(EmailActions.Check check, String token, Model model, HttpServletRequest request) {
        Referral referral = check.referral();
        Locale language = inLanguageOfMail(check, request);
        model.addAttribute("check", check);
        model.addAttribute("token", token);
        model.addAttribute("brand", brand);
        model.addAttribute("rejectReasons", labels.translated(CatalogLabels.Kind.REJECT_REASON, catalog.rejectReasons(), language));
        model.addAttribute("product", labels.product(referral.getExpressedInterest(), language));
        model.addAttribute("interestValue", formats.money(referral.getInterestAmount(), referral.getInterestCurrency(),
                language, texts.get("mail.value.not-given", language)));
        model.addAttribute("leadScore", storedSentences.word(LeadScore.stored(referral.getLeadScore(),
                referral.getLeadScoreFactors(), referral.getLeadScoreModel()), language));
        return "actions/confirm";
    }

    @Operation(summary = "Carry out a one-click Accept or Reject (HTML form post)", description = "Accepts or rejects the referral as the recipient the signed token names, once; a used, expired or forged token gets a page saying so.",
            responses = @ApiResponse(responseCode = "200", description = "The page",
                    content = @Content(mediaType = "text/html")))
    @PostMapping("/actions/{token}")
    String perform(@PathVariable String token, @RequestParam(required = false) String rejectReason,
                   @RequestParam(required = false) String note, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        EmailActions.Check check;
        try {
            check = actions.perform(token, rejectReason, note);
        } catch (ConflictException decidedMeanwhile) {
            return problem(EmailActions.Problem.STALE, model, request, response);
        }
        if (check.problem().filter(refusal -> refusal == EmailActions.Problem.INVALID_REASON).isPresent()) {
            // the link still works: the same page again, saying what is missing
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Locale language = inLanguageOfMail(check, request);
            model.addAttribute("error", texts.get("actions.problem." + EmailActions.Problem.INVALID_REASON.name(), language));
            model.addAttribute("note", note);
            return confirmation(check, token, model, request);
        }
        if (check.problem().isPresent()) {
            return problem(check.problem().get(), model, request, response);
        }
        inLanguageOfMail(check, request);
        model.addAttribute("check", check);
        model.addAttribute("brand", brand);
        return "actions/done";
    }

    /** The page speaks the language the mail was written in: its recipient's (the link names them). */
    private Locale inLanguageOfMail(EmailActions.Check check, HttpServletRequest request) {
        Locale language = userLanguages.of(check.link().userId());
        locales.use(request, language);
        return language;
    }

    /** A link that cannot be used names nobody reliably: the browser's language (or the signed-in user's). */
    private String problem(EmailActions.Problem problem, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        response.setStatus(problem.status().value());
        model.addAttribute("message", texts.get("actions.problem." + problem.name(), locales.resolveLocale(request)));
        model.addAttribute("brand", brand);
        return "actions/problem";
    }
}
