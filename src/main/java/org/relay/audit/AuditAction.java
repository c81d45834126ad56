package org.relay.audit;

/** What an audit entry records. */
public enum AuditAction {
    /** A referral's personal data was read (detail, activities, opportunity). */
    VIEWED,
    /** A list of referrals with personal data was read. */
    LISTED,
    CREATED,
    CHANGED,
    REASSIGNED,
    /** Data left Relay as a file: a report CSV, an import's error rows, the audit trail itself. */
    EXPORTED,
    ERASED,
    ANONYMISED
}
