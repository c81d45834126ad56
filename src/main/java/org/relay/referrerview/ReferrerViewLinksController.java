package org.relay.referrerview;

import io.swagger.v3.oas.annotations.Operation;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.calendar.BusinessCalendars;
import org.relay.common.ConflictException;
import org.relay.common.ForbiddenException;
import org.relay.common.NotFoundException;
import org.relay.links.AccessLinkView;
import org.relay.links.AccessLinks;
import org.relay.notification.ExternalReferrerLinks;
import org.relay.notification.ReferrerLinkMail;
import org.relay.routing.Advocate;
import org.relay.routing.AdvocateRepository;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.relay.webform.WebFormProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.List;

/**
 * An advocate's or partner's signed links, for managers and administrators (advocates have no sign-in): which were
 * issued (never the tokens), revoking them all (a link went to a wrong address, the partnership ended), and issuing a
 * fresh one, which revokes the older ones and is mailed to the advocate — staff never hold a working link.
 */
@RestController
class ReferrerViewLinksController {

    record Links(String code, List<AccessLinkView> links) {
    }

    record Revoked(String code, int revoked) {
    }

    record Issued(String code, String sentTo, Instant expiresAt, int revoked) {
    }


    private final ReferrerViewLinks links;
    private final AdvocateRepository advocates;
    private final ReferrerLinkMail mail;
    private final org.relay.i18n.LocalFormats formats;
    private final Callers callers;
    private final AuditTrail audit;
    private final WebFormProperties brand;
    private final BusinessCalendars calendars;
    private final Clock clock;

    ReferrerViewLinksController(ReferrerViewLinks links, AdvocateRepository advocates, ReferrerLinkMail mail,
                                Callers callers, AuditTrail audit, WebFormProperties brand, BusinessCalendars calendars,
                                Clock clock, org.relay.i18n.LocalFormats formats) {
        this.formats = formats;
        this.links = links;
        this.advocates = advocates;
        this.mail = mail;
        this.callers = callers;
        this.audit = audit;
        this.brand = brand;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Operation(summary = "An advocate's or partner's page links (managers, administrators)",
            description = "When each was issued, until when it works, whether it was revoked; never the link itself.")
    @GetMapping("/api/advocates/{code}/view-links")
    Links list(@PathVariable String code) {
        Advocate advocate = requireAdvocate(code);
        Instant now = clock.instant();
        return new Links(advocate.getCode(), links.of(advocate).stream().map(link -> AccessLinkView.of(link, now)).toList());
    }

    @Operation(summary = "Revoke every page link of an advocate or partner (managers, administrators)",
            description = "Their page then says the link no longer works; their next referrer mail carries a new one.")
    @DeleteMapping("/api/advocates/{code}/view-links")
    @Transactional
    Revoked revoke(@PathVariable String code) {
        Advocate advocate = requireAdvocate(code);
        int revoked = links.revokeAll(advocate, callers.current().userId());
        audit.write(AuditAction.CHANGED, null, "referrer view links of advocate " + advocate.getCode(),
                "revoked: " + revoked, null);
        return new Revoked(advocate.getCode(), revoked);
    }

    @Operation(summary = "Mail an advocate or partner a new page link (managers, administrators)",
            description = "Revokes the older links and mails a fresh one to the advocate's email. 409 without an email;"
                    + " 503 when the mail could not be sent (nothing changed then).")
    @PostMapping("/api/advocates/{code}/view-links")
    @Transactional
    ResponseEntity<?> reissue(@PathVariable String code) {
        Advocate advocate = requireAdvocate(code);
        if (advocate.getEmail() == null || advocate.getEmail().isBlank()) {
            throw ConflictException.of("problem.advocate.no-email", advocate.getCode());
        }
        int revoked = links.revokeAll(advocate, callers.current().userId());
        ExternalReferrerLinks.Link link = links.issue(advocate);
        try {
            Locale language = mail.language(advocate.getLanguage());
            mail.send(advocate.getEmail(), advocate.getName(), link.url(),
                    formats.date(link.worksUntil(), calendars.forRegion(null).zone(), language), brand.brandName(),
                    "referrer-view-link:" + AccessLinks.hashOf(link.url().substring(link.url().lastIndexOf('/') + 1)),
                    language);
        } catch (RuntimeException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The mail to the advocate could not be sent just now, so nothing changed: the older links still work. Try again later.");
            problem.setTitle("Mail not sent");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        audit.write(AuditAction.CHANGED, null, "referrer view links of advocate " + advocate.getCode(),
                "new link mailed to the advocate; older links revoked: " + revoked, null);
        return ResponseEntity.ok(new Issued(advocate.getCode(), advocate.getEmail(), link.worksUntil(), revoked));
    }

    /** Managers and administrators; an unknown code is 404 (checked after the role, so codes cannot be probed). */
    private Advocate requireAdvocate(String code) {
        Caller caller = callers.current();
        if (!caller.manager() && !caller.isAdmin()) {
            throw ForbiddenException.of("problem.advocate.links-for-managers");
        }
        return advocates.findById(code).orElseThrow(() -> NotFoundException.of("problem.advocate.not-found", code));
    }

}
