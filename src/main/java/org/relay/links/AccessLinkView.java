package org.relay.links;

import java.time.Instant;

/**
 * What staff may see of an access link: when it was issued, until when it works and whether it was revoked — never
 * the link itself (only its hash is kept). The customer-link and advocate-link endpoints list links this way.
 */
public record AccessLinkView(Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy, boolean works) {

    public static AccessLinkView of(AccessLink link, Instant now) {
        return new AccessLinkView(link.getCreatedAt(), link.getExpiresAt(), link.getRevokedAt(), link.getRevokedBy(),
                link.worksAt(now));
    }
}
