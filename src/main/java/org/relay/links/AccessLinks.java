package org.relay.links;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues, resolves and revokes access links (see the package description). The token exists only in the link handed
 * out; a stolen database gives no working link.
 */
@Service
public class AccessLinks {

    private static final int TOKEN_BYTES = 32;
    /** 32 bytes in URL-safe base64 without padding: anything else is not a token and costs no database query. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final AccessLinkRepository links;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<AccessLinkPurpose, Duration> lifetimes = new EnumMap<>(AccessLinkPurpose.class);

    AccessLinks(AccessLinkRepository links, Clock clock, Environment environment) {
        this.links = links;
        this.clock = clock;
        Binder binder = Binder.get(environment);
        for (AccessLinkPurpose purpose : AccessLinkPurpose.values()) {
            String property = "relay.links." + purpose.key() + ".ttl";
            Duration ttl = binder.bind(property, Duration.class).orElse(purpose.defaultTtl());
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalStateException(property + " must be a positive duration such as P60D (was " + ttl + ")");
            }
            lifetimes.put(purpose, ttl);
        }
    }

    /** How long a new link of this purpose works (relay.links.&lt;key&gt;.ttl). */
    public Duration lifetime(AccessLinkPurpose purpose) {
        return lifetimes.get(purpose);
    }

    /** A new link for the subject with the configured lifetime; returns the token, which is not kept anywhere. */
    @Transactional
    public String issue(AccessLinkPurpose purpose, long subjectId) {
        return issue(purpose, subjectId, lifetime(purpose));
    }

    @Transactional
    public String issue(AccessLinkPurpose purpose, long subjectId, Duration ttl) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        links.save(new AccessLink(hash(token), purpose, subjectId, now, now.plus(ttl)));
        return token;
    }

    /**
     * The subject the token opens for this purpose, or empty when it opens nothing: unknown, malformed, expired,
     * revoked or issued for another purpose. Callers show all of these alike.
     */
    @Transactional(readOnly = true)
    public Optional<Long> resolve(String token, AccessLinkPurpose purpose) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return links.findByTokenHash(hash(token))
                .filter(link -> link.getPurpose() == purpose && link.worksAt(now))
                .map(AccessLink::getSubjectId);
    }

    /** Takes back one link (the one this token is); false if there was no such working link. */
    @Transactional
    public boolean revoke(String token, String by) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        Instant now = clock.instant();
        return links.findByTokenHash(hash(token)).filter(link -> link.worksAt(now)).map(link -> {
            link.revoke(by, now);
            return true;
        }).orElse(false);
    }

    /** Takes back every working link of this purpose to the subject; returns how many. */
    @Transactional
    public int revokeAll(AccessLinkPurpose purpose, long subjectId, String by) {
        Instant now = clock.instant();
        int revoked = 0;
        for (AccessLink link : links.findByPurposeAndSubjectIdOrderByCreatedAtDesc(purpose, subjectId)) {
            if (link.worksAt(now)) {
                link.revoke(by, now);
                revoked++;
            }
        }
        return revoked;
    }

    /** Every link of this purpose ever issued to the subject, newest first (for staff: no tokens in them). */
    @Transactional(readOnly = true)
    public List<AccessLink> of(AccessLinkPurpose purpose, long subjectId) {
        return links.findByPurposeAndSubjectIdOrderByCreatedAtDesc(purpose, subjectId);
    }

    /** A token's SHA-256 (what Relay keeps of it): names one issued link, e.g. in a mail's event key. */
    public static String hashOf(String token) {
        return hash(token);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
