package org.relay.emailaction;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Encodes an {@link ActionLink} as {@code payload.signature} (base64url, HMAC-SHA256 over the payload with the
 * configured secret) and decodes only untampered tokens.
 */
@Component
class ActionLinkSigner {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final ActionLinkProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ActionLinkSigner(ActionLinkProperties properties, Clock clock) {
        this.secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        this.properties = properties;
        this.clock = clock;
    }

    String sign(String taskId, String userId, ActionLink.Action action) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        ActionLink link = new ActionLink(taskId, userId, action, clock.instant().plus(properties.expiry()),
                ENCODER.encodeToString(nonce));
        String payload = ENCODER.encodeToString(String.join("|", link.taskId(), link.userId(), link.action().name(),
                Long.toString(link.expiresAt().getEpochSecond()), link.nonce()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The link, if the token is well-formed and its signature is ours; expiry and use are checked by the caller. */
    Optional<ActionLink> verify(String token) {
        try {
            int dot = token.indexOf('.');
            if (dot <= 0) {
                return Optional.empty();
            }
            String payload = token.substring(0, dot);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 5) {
                return Optional.empty();
            }
            return Optional.of(new ActionLink(parts[0], parts[1], ActionLink.Action.valueOf(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3])), parts[4]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
