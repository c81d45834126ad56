package org.relay.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * Client addresses that have signed in successfully as a user (OWASP's "known device"): a stranger's failures lock a
 * user for unknown addresses only, so the user — the last administrator included — still signs in from where they
 * usually do. Kept in Camunda's user info (ACT_ID_INFO, key {@code relay.known-signin.<hash>}, value the last
 * success), so every node and a restarted node know them; the key is a SHA-256 of user and address (a pseudonym, not
 * the address). Each node writes a pair at most once a day; it remembers what it wrote for that long.
 */
@Component
class KnownSignInAddresses {

    static final String KEY_PREFIX = "relay.known-signin.";

    private static final Logger log = LoggerFactory.getLogger(KnownSignInAddresses.class);
    private static final Duration REFRESH = Duration.ofDays(1);

    private final IdentityService identityService;
    private final Duration retention;
    private final Cache<String, Boolean> recentlyWritten = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(REFRESH).build();

    KnownSignInAddresses(IdentityService identityService, LoginThrottleProperties properties) {
        this.identityService = identityService;
        this.retention = properties.knownAddressRetention();
    }

    void signedIn(String userId, String address, Instant now) {
        String key = key(userId, address);
        if (recentlyWritten.getIfPresent(userId + '\0' + key) != null) {
            return;
        }
        try {
            identityService.setUserInfo(userId, key, now.toString());
            recentlyWritten.put(userId + '\0' + key, Boolean.TRUE);
        } catch (ProcessEngineException | org.apache.ibatis.exceptions.PersistenceException e) {
            // another node wrote the same pair at the same moment; it is known either way
            log.debug("Known sign-in address of {} not recorded: {}", userId, e.getMessage());
        }
    }

    boolean isKnown(String userId, String address, Instant now) {
        String key = key(userId, address);
        if (recentlyWritten.getIfPresent(userId + '\0' + key) != null) {
            return true;
        }
        try {
            if (!identityService.getUserInfoKeys(userId).contains(key)) {
                return false;
            }
            String lastSuccess = identityService.getUserInfo(userId, key);
            return lastSuccess != null && Instant.parse(lastSuccess).plus(retention).isAfter(now);
        } catch (DateTimeParseException e) {
            return false;
        } catch (ProcessEngineException | org.apache.ibatis.exceptions.PersistenceException e) {
            // two rows for the pair (two nodes recorded it at once): it did sign in here
            return true;
        }
    }

    /** Forget this node's memory of recent writes (tests; the stored pairs stay). */
    void forgetRecent() {
        recentlyWritten.invalidateAll();
    }

    private static String key(String userId, String address) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(userId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return KEY_PREFIX + HexFormat.of().formatHex(sha256.digest(address.getBytes(StandardCharsets.UTF_8)), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
