package org.relay.customerstatus;

import io.swagger.v3.oas.annotations.Operation;
import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.links.AccessLinkView;
import org.relay.links.AccessLinkPurpose;
import org.relay.links.AccessLinks;
import org.relay.referral.Referral;
import org.relay.referral.ReferralAccess;
import org.relay.security.Callers;
import org.relay.common.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The links to a referral's customer status page, for a manager of its queue or an administrator: which were
 * issued (never the tokens), and taking them all back, e.g. when the confirmation went to a wrong address.
 */
@RestController
class CustomerLinksController {

    /** One link as staff see it. */
    record Links(String referenceNumber, List<AccessLinkView> links) {
    }

    record Revoked(String referenceNumber, int revoked) {
    }

    record Resent(String referenceNumber, Instant expiresAt, int revoked) {
    }

    private final ReferralAccess access;
    private final AccessLinks links;
    private final Callers callers;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConfirmationMail confirmation;

    CustomerLinksController(ReferralAccess access, AccessLinks links, Callers callers, AuditTrail audit, Clock clock,
                            ConfirmationMail confirmation) {
        this.confirmation = confirmation;
        this.access = access;
        this.links = links;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "The customer's status-page links of a referral (managers of its queue, administrators)",
            description = "When each was issued, until when it works, and whether it was revoked; never the link itself.")
    @GetMapping("/api/referrals/{referenceNumber}/customer-links")
    Links list(@PathVariable String referenceNumber) {
        Referral referral = access.managed(referenceNumber, null);
        Instant now = clock.instant();
        return new Links(referral.getReferenceNumber(), links.of(AccessLinkPurpose.CUSTOMER_STATUS, referral.getId())
                .stream().map(link -> AccessLinkView.of(link, now)).toList());
    }

    @Operation(summary = "Revoke every status-page link of a referral (managers of its queue, administrators)",
            description = "The customer's page then says the link no longer works; the referral itself is unchanged.")
    @DeleteMapping("/api/referrals/{referenceNumber}/customer-links")
    @Transactional
    Revoked revoke(@PathVariable String referenceNumber) {
        Referral referral = access.managed(referenceNumber, null);
        String by = callers.current().userId();
        int revoked = links.revokeAll(AccessLinkPurpose.CUSTOMER_STATUS, referral.getId(), by);
        audit.referral(AuditAction.CHANGED, referral.getReferenceNumber(), "customer status links revoked: " + revoked);
        return new Revoked(referral.getReferenceNumber(), revoked);
    }

    @Operation(summary = "Send the customer a new status-page link (managers of its queue, administrators)",
            description = "Revokes every older link and mails the customer the confirmation again with a fresh one."
                    + " 409 when the customer did not agree to status updates, has no email or was erased; 503 when"
                    + " the mail could not be sent (nothing changed then).")
    @PostMapping("/api/referrals/{referenceNumber}/customer-links")
    @Transactional
    ResponseEntity<?> resend(@PathVariable String referenceNumber) {
        Referral referral = access.managed(referenceNumber, null);
        if (referral.getErasedAt() != null) {
            throw ConflictException.of("problem.status-link.erased", referenceNumber);
        }
        if (!referral.isCustomerStatusUpdates()) {
            throw ConflictException.of("problem.status-link.no-consent", referenceNumber);
        }
        if (referral.getCustomer().getEmail() == null || referral.getCustomer().getEmail().isBlank()) {
            throw ConflictException.of("problem.status-link.no-email", referenceNumber);
        }
        String by = callers.current().userId();
        int revoked = (int) links.of(AccessLinkPurpose.CUSTOMER_STATUS, referral.getId()).stream()
                .filter(link -> link.worksAt(clock.instant())).count();
        Instant until;
        try {
            until = confirmation.resend(referral, by);
        } catch (RuntimeException e) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The mail to the customer could not be sent just now, so nothing changed: the older links still work. Try again later.");
            problem.setTitle("Mail not sent");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        audit.referral(AuditAction.CHANGED, referral.getReferenceNumber(),
                "customer status link sent again; older links revoked: " + revoked);
        return ResponseEntity.ok(new Resent(referral.getReferenceNumber(), until, revoked));
    }

}
