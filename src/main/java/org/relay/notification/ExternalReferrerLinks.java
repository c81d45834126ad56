package org.relay.notification;

import org.relay.referral.ReferrerType;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an advocate's or partner's mail leads: their signed-link page (org.relay.referrerview implements this, so the
 * mails need not know how links are made). Asked only when a mail is really sent: each answer issues a link.
 */
public interface ExternalReferrerLinks {

    /** A new working link to this external referrer's page, and until when it works; empty for anyone else. */
    Optional<Link> issueFor(ReferrerType type, String referrerId);

    record Link(String url, Instant worksUntil) {
    }
}
