package org.relay.emailaction;

import jakarta.servlet.http.HttpServletResponse;
import org.relay.catalog.Catalog;
import org.relay.common.ConflictException;
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

    EmailActionController(EmailActions actions, Catalog catalog) {
        this.actions = actions;
        this.catalog = catalog;
    }

    @GetMapping("/actions/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        EmailActions.Check check = actions.check(token);
        if (check.problem().isPresent()) {
            return problem(check.problem().get(), model, response);
        }
        model.addAttribute("check", check);
        model.addAttribute("token", token);
        model.addAttribute("rejectReasons", catalog.rejectReasons());
        model.addAttribute("product", catalog.productLabel(check.referral().getExpressedInterest()));
        return "actions/confirm";
    }

    @PostMapping("/actions/{token}")
    String perform(@PathVariable String token, @RequestParam(required = false) String rejectReason,
                   @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        EmailActions.Check check;
        try {
            check = actions.perform(token, rejectReason, note);
        } catch (ConflictException decidedMeanwhile) {
            return problem(EmailActions.Problem.STALE, model, response);
        }
        if (check.problem().isPresent()) {
            return problem(check.problem().get(), model, response);
        }
        model.addAttribute("check", check);
        return "actions/done";
    }

    private static String problem(EmailActions.Problem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        model.addAttribute("message", problem.message());
        return "actions/problem";
    }
}
