package org.relay.webform;

import org.relay.i18n.StoredSentence;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.relay.catalog.Catalog;
import org.relay.catalog.CatalogEntry;
import org.relay.catalog.CatalogLabels;
import org.relay.i18n.Languages;
import org.relay.i18n.Texts;
import org.relay.common.FieldProblem;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralTimeline;
import org.relay.referral.ReferrerType;
import org.relay.routing.Advocate;
import org.relay.routing.AdvocateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public web-to-lead page: no login, no JavaScript, plain accessible HTML. A submission becomes a LEAD, or a
 * REFERRAL credited to the advocate when it came through a partner link ({@code ?ref=ADV-123}). Guarded by a CSRF
 * token, a honeypot field, per-address and global rate limits and a body size limit.
 */
@Controller
class WebToLeadController {

    private static final Logger log = LoggerFactory.getLogger(WebToLeadController.class);

    /** What the customer typed, echoed back (escaped) when something needs correcting. */
    public record LeadForm(String name, String email, String phone, String city, String product, String amount,
                           String message, Boolean consent, String ref, String website) {
    }

    private final ReferralIntake intake;
    private final ReferralTimeline timeline;
    private final AdvocateRepository advocates;
    private final SubmissionRateLimit rateLimit;
    private final WebFormProperties properties;
    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Texts texts;
    private final Languages languages;
    private final CatalogLabels labels;

    WebToLeadController(ReferralIntake intake, ReferralTimeline timeline, AdvocateRepository advocates,
                        SubmissionRateLimit rateLimit, WebFormProperties properties, Catalog catalog,
                        TransactionTemplate transactions, Clock clock, Texts texts, Languages languages,
                        CatalogLabels labels) {
        this.texts = texts;
        this.languages = languages;
        this.labels = labels;
        this.clock = clock;
        this.intake = intake;
        this.timeline = timeline;
        this.advocates = advocates;
        this.rateLimit = rateLimit;
        this.properties = properties;
        this.catalog = catalog;
        this.transactions = transactions;
    }

    @Operation(summary = "The web-to-lead form (HTML, no sign-in)", description = "The public form: name, contact, product, consent; ref carries a referrer's code.",
            responses = @ApiResponse(responseCode = "200", description = "The page",
                    content = @Content(mediaType = "text/html")))
    @GetMapping("/public/lead")
    String form(@RequestParam(required = false) String ref, Model model, @Parameter(hidden = true) Locale locale) {
        model.addAttribute("form", new LeadForm(null, null, null, null, null, null, null, false, ref, null));
        return page(model, Map.of(), locale);
    }

    @Operation(summary = "Submit the web-to-lead form (HTML form post, CSRF token)",
            description = "Creates a self-service referral; answers the form again with its field errors, or redirects"
                    + " to the thank-you page. Rate-limited per address; the form's _csrf field is required.",
            requestBody = @RequestBody(content = @Content(mediaType = "application/x-www-form-urlencoded",
                    schema = @Schema(implementation = LeadForm.class))),
            responses = @ApiResponse(responseCode = "302", description = "To the thank-you page (the form with its errors otherwise)",
                    content = @Content(mediaType = "text/html")))
    @PostMapping("/public/lead")
    String submit(@Parameter(hidden = true) @ModelAttribute LeadForm form, Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect, @Parameter(hidden = true) Locale locale) {
        if (!rateLimit.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            model.addAttribute("brand", properties);
            return "webform/too-many";
        }
        if (form.website() != null && !form.website().isBlank()) {
            // a bot filled the field people cannot see: thank it and keep nothing
            log.info("Web-to-lead honeypot triggered; submission dropped");
            return "redirect:/public/lead/thanks";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Boolean.TRUE.equals(form.consent())) {
            errors.put("consent", texts.get("webform.error.consent", locale));
        }
        BigDecimal amount = null;
        if (form.amount() != null && !form.amount().isBlank()) {
            try {
                amount = amountAsTyped(form.amount(), locale);
            } catch (NumberFormatException e) {
                errors.put("amount", texts.get("webform.error.amount-format", locale));
            }
        }
        Optional<Advocate> advocate = Optional.ofNullable(form.ref()).filter(r -> !r.isBlank())
                .flatMap(advocates::findById).filter(Advocate::isActive);
        CreateReferralRequest lead = toRequest(form, amount, advocate);
        for (FieldProblem problem : intake.problems(lead)) {
            errors.putIfAbsent(formField(problem.field()), texts.get(friendly(problem.field()), locale));
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("form", form);
            return page(model, errors, locale);
        }
        String language = locale.getLanguage();
        WebFormProperties.Consent consent = consentShown(locale);
        Referral referral = transactions.execute(status -> {
            Referral created = intake.create(lead.withLawfulBasis("CONSENT"));
            created.customerSpeaks(language);
            created.consented(consent.version(), consent.language(), clock.instant());
            timeline.record(created, ReferralEventType.CONSENT, null, "web-form", consent.language().equals(languages.defaultLocale().getLanguage())
                    ? StoredSentence.of("timeline.consent", consent.version(), consent.text())
                    : StoredSentence.of("timeline.consent.language", consent.version(), consent.language(), consent.text()));
            return created;
        });
        // post/redirect/get: reloading the thank-you page does not send the request again
        redirect.addFlashAttribute("reference", referral.getReferenceNumber());
        return "redirect:/public/lead/thanks";
    }

    @Operation(summary = "Thank-you page after the web form (HTML)", description = "Shows the new referral's reference.",
            responses = @ApiResponse(responseCode = "200", description = "The page",
                    content = @Content(mediaType = "text/html")))
    @GetMapping("/public/lead/thanks")
    String thanks(Model model) {
        model.addAttribute("brand", properties);
        return "webform/thanks";
    }

    private CreateReferralRequest toRequest(LeadForm form, BigDecimal amount, Optional<Advocate> advocate) {
        CreateReferralRequest.ReferrerData referrer = advocate
                .map(a -> new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, a.getCode(), a.getName()))
                .orElseGet(() -> new CreateReferralRequest.ReferrerData(ReferrerType.CUSTOMER, null, trim(form.name())));
        return new CreateReferralRequest(advocate.isPresent() ? ReferralKind.REFERRAL : ReferralKind.LEAD, "GENERAL",
                // who writes to us on this page hears back: the confirmation with the status page's link, by mail
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, trim(form.name()), null, trim(form.phone()),
                        trim(form.email()), trim(form.city()), null, null, null, null, null, trim(form.email()) != null),
                trim(form.product()), amount == null ? null : new CreateReferralRequest.InterestValue(amount, "USD"),
                advocate.isPresent() ? "ADVOCATE" : "WEB_FORM", referrer, trim(form.message()));
    }

    private String page(Model model, Map<String, String> errors, Locale locale) {
        model.addAttribute("brand", properties);
        model.addAttribute("intro", properties.intro(locale.getLanguage()));
        model.addAttribute("consent", consentShown(locale));
        model.addAttribute("languages", languages.supportedTags());
        // the chooser's links keep a partner code only when it looks like one (no echo of arbitrary input in three links)
        LeadForm typed = (LeadForm) model.getAttribute("form");
        model.addAttribute("chooserRef", typed != null && typed.ref() != null && typed.ref().matches("[A-Za-z0-9-]{1,40}")
                ? typed.ref() : null);
        model.addAttribute("products", offered(locale));
        model.addAttribute("errors", errors);
        return "webform/lead";
    }

    private List<CatalogEntry> offered(Locale locale) {
        List<CatalogEntry> products = labels.translated(CatalogLabels.Kind.PRODUCT, catalog.products(), locale);
        return properties.products().isEmpty() ? products
                : products.stream().filter(p -> properties.products().contains(p.code())).toList();
    }

    private WebFormProperties.Consent consentShown(Locale locale) {
        return properties.consent(locale.getLanguage(), languages.defaultLocale().getLanguage());
    }

    private static String formField(String field) {
        return switch (field) {
            case "customer.name", "referrer" -> "name";
            case "customer.email" -> "email";
            case "customer.phone" -> "phone";
            case "customer.city" -> "city";
            case "customer" -> "email";
            case "expressedInterest" -> "product";
            case "interestValue.amount" -> "amount";
            case "notes" -> "message";
            default -> "form";
        };
    }

    /** The bundle key of the customer's words for what is wrong with a field. */
    private static String friendly(String field) {
        return switch (field) {
            case "customer.name", "referrer" -> "webform.error.name";
            case "customer.email" -> "webform.error.email";
            case "customer.phone" -> "webform.error.phone";
            case "customer" -> "webform.error.reachable";
            case "expressedInterest" -> "webform.error.product";
            case "interestValue.amount" -> "webform.error.amount";
            case "notes" -> "webform.error.message";
            case "customer.city" -> "webform.error.city";
            default -> "webform.error.other";
        };
    }

    /**
     * The amount as people write it in their language: "380,000" in English; "380 000,50", "380.000" or "380’000" in
     * French and German, where the comma is the decimal mark. Currency signs and spaces are dropped.
     */
    static BigDecimal amountAsTyped(String typed, Locale locale) {
        String digits = typed.replaceAll("[\\s\u00A0\u202F$€£'’]", "");
        digits = locale.getLanguage().equals("en") ? digits.replace(",", "")
                : digits.replace(".", "").replace(',', '.');
        return new BigDecimal(digits);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
