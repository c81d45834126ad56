package org.relay.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.relay.security.Callers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;

/**
 * Appends to the audit trail. The actor is whoever the request or the engine works for ("system" for the job
 * executor); the purpose is the caller's {@code Relay-Purpose} header unless the action states its own reason.
 */
@Component
/*
 * Joins the caller's transaction when there is one (an audited change and its entry commit or roll back together);
 * reads are audited after their read-only transaction, so a request never needs a second connection for its entry.
 */
@Transactional
public class AuditTrail {

    public static final String PURPOSE_HEADER = "Relay-Purpose";

    private final AuditEntryRepository entries;
    private final Callers callers;
    private final Clock clock;

    AuditTrail(AuditEntryRepository entries, Callers callers, Clock clock) {
        this.entries = entries;
        this.callers = callers;
        this.clock = clock;
    }

    public void referral(AuditAction action, String referralNumber, String detail) {
        write(action, referralNumber, null, detail, null);
    }

    public void write(AuditAction action, String referralNumber, String subject, String detail, String purpose) {
        String actor = callers.currentUserIdOrNull();
        entries.save(new AuditEntry(clock.instant(), actor != null ? actor : "system", action, referralNumber, subject,
                detail, purpose != null ? purpose : statedPurpose()));
    }

    private static String statedPurpose() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader(PURPOSE_HEADER);
        }
        return null;
    }
}
