package org.relay.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Camunda's password check for API requests and the authorities it yields, remembered for a short while
 * (relay.security.credentials-cache, 30 s by default) so a client sending HTTP Basic with every request does not pay
 * a user lookup, a hash, a lock-out check and a group query each time. Only successes are remembered, so every wrong
 * password still reaches Camunda and counts towards sign-in throttling (SignInThrottle); the key is an HMAC of user and password under a key
 * that lives only in this process, so the cache never holds a password or a reusable hash of one. A changed or
 * locked password, and a changed group membership, take effect within the period.
 */
@Component
class VerifiedCredentials {

    private final IdentityService identityService;
    private final RelayAuthorities authorities;
    private final Cache<String, List<GrantedAuthority>> verified;
    private final byte[] key = new byte[32];

    VerifiedCredentials(IdentityService identityService, RelayAuthorities authorities, SecurityProperties properties) {
        this.identityService = identityService;
        this.authorities = authorities;
        this.verified = Caffeine.newBuilder().expireAfterWrite(properties.credentialsCache())
                .maximumSize(10_000).build();
        new SecureRandom().nextBytes(key);
    }

    /** The user's authorities when the password is theirs; empty when it is not. */
    Optional<Collection<GrantedAuthority>> authoritiesIfCorrect(String userId, String password) {
        String fingerprint = fingerprint(userId, password);
        List<GrantedAuthority> known = verified.getIfPresent(fingerprint);
        if (known != null) {
            return Optional.of(known);
        }
        if (!identityService.checkPassword(userId, password)) {
            return Optional.empty();
        }
        List<GrantedAuthority> granted = List.copyOf(authorities.of(userId));
        verified.put(fingerprint, granted);
        return Optional.of(granted);
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
