package org.relay.intake;

import jakarta.persistence.EntityManager;
import org.relay.common.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which referrals an import created, for the import's digest mails (org.relay.notification.ImportDigests). A
 * referral's first routing from a digesting import is announced by the digest; every later routing (rejected and
 * routed on, reassigned, escalated, nobody left) gets its own mail at once, as single referrals do.
 */
@Component
public class ImportedLeads {

    private static final Object DIGEST_BATCH = new Object();

    /** Routings that are not the lead's first: their mails go out immediately, never in an import digest. */
    private static final String FIRST_ROUTING = "r.routing_basis not in ('ESCALATED', 'REASSIGNED', 'NOBODY_LEFT')"
            + " and not exists (select 1 from referral_event e where e.referral_id = r.id and e.type = 'REJECTED')";

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    ImportedLeads(JdbcTemplate jdbc, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    /** True when this referral's current routing is the first of a lead from an import that mails digests. */
    /** Marks the current transaction as a batch of an import whose leads its digest announces (ImportBatch). */
    void batchAnnouncedByDigest() {
        TransactionScoped.get(DIGEST_BATCH, () -> Boolean.TRUE);
    }

    public boolean announcedByDigest(Long referralId) {
        if (Boolean.TRUE.equals(TransactionScoped.peek(DIGEST_BATCH))) {
            return true;   // asked while its import batch creates it, before the batch records where it came from
        }
        if (TransactionScoped.active()) {
            // asked by the lifecycle in the transaction that changed the referral (an escalation, a re-route): the
            // query below must see its routing as it is now
            entityManager.flush();
        }
        return Boolean.TRUE.equals(jdbc.query("""
                select 1 from import_dedup d join import_job j on j.id = d.import_id join referral r on r.id = d.referral_id
                where d.referral_id = ? and j.mail_digest and""" + " " + FIRST_ROUTING,
                rs -> rs.next() ? Boolean.TRUE : Boolean.FALSE, referralId));
    }

    /** Whether this import's leads are announced by digests (false for dry runs and imports staged with it off). */
    public boolean digested(Long importId) {
        return Boolean.TRUE.equals(jdbc.query("select mail_digest from import_job where id = ?",
                rs -> rs.next() && rs.getBoolean(1), importId));
    }

    /**
     * The import's referrals still waiting for the review of their first routing, read at sending time: one accepted,
     * closed, merged, rejected, reassigned or escalated meanwhile is not among them.
     */
    public List<Long> waitingForFirstReview(Long importId) {
        return jdbc.queryForList("""
                select r.id from import_dedup d join referral r on r.id = d.referral_id
                where d.import_id = ? and r.status = 'ASSIGNED' and""" + " " + FIRST_ROUTING + " order by r.id",
                Long.class, importId);
    }

    /** The import's file name and campaign, for the digest's subject line. */
    public String describe(Long importId) {
        return jdbc.query("select file_name, campaign from import_job where id = ?", rs -> {
            if (!rs.next()) {
                return "import " + importId;
            }
            String file = rs.getString(1);
            String campaign = rs.getString(2);
            return campaign != null ? "campaign " + campaign : file != null ? file : "import " + importId;
        }, importId);
    }
}
