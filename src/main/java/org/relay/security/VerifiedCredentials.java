package org.relay.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Camunda's password check for API requests, remembered for a short while (relay.security.credentials-cache, 30 s by
 * default) so a client sending HTTP Basic with every request does not pay a user lookup, a hash and a lock-out check
 * each time. Only successes are remembered, so every wrong password still reaches Camunda and counts towards its
 * lock-out; the key is an HMAC of user and password under a key that lives only in this process, so the cache never
 * holds a password or a reusable hash of one. A changed or locked password stops working within the period.
 */
@Component
class VerifiedCredentials {

    private final IdentityService identityService;
    private final Cache<String, Boolean> verified;
    private final byte[] key = new byte[32];

    VerifiedCredentials(IdentityService identityService, SecurityProperties properties) {
        this.identityService = identityService;
        this.verified = Caffeine.newBuilder().expireAfterWrite(properties.credentialsCache())
                .maximumSize(10_000).build();
        new SecureRandom().nextBytes(key);
    }

    boolean check(String userId, String password) {
        String fingerprint = fingerprint(userId, password);
        if (verified.getIfPresent(fingerprint) != null) {
            return true;
        }
        boolean correct = identityService.checkPassword(userId, password);
        if (correct) {
            verified.put(fingerprint, Boolean.TRUE);
        }
        return correct;
    }

    private String fingerprint(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
