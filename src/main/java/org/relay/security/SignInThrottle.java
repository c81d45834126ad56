package org.relay.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Relay's answer to password guessing on every sign-in path (SignInThrottleFilter): failed sign-ins are counted per
 * client address and per user id, and each count locks for a while when it reaches its limit, then lifts by itself.
 * A user's lock does not apply to addresses that have signed in as that user before (KnownSignInAddresses), so a
 * stranger cannot lock anyone out of where they usually work. Camunda's own lock-out is switched off
 * (application.yaml): it was per user only, and permanent after ten failures.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final LoginThrottleProperties properties;
    private final KnownSignInAddresses knownAddresses;
    private final FailureCounter perAddress;
    private final FailureCounter perUser;
    private final Clock clock = Clock.systemUTC();

    SignInThrottle(LoginThrottleProperties properties, KnownSignInAddresses knownAddresses) {
        this.properties = properties;
        this.knownAddresses = knownAddresses;
        this.perAddress = new FailureCounter(properties.perAddress());
        this.perUser = new FailureCounter(properties.perUser());
    }

    /** How long this sign-in must wait before it is even checked; empty when it may go ahead. */
    Optional<Duration> refusal(String userId, String address) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Duration> addressWait = perAddress.lockedFor(address, now);
        Optional<Duration> userWait = perUser.lockedFor(userKey(userId), now)
                .filter(wait -> !knownAddresses.isKnown(userId, address, now));
        if (addressWait.isEmpty()) {
            return userWait;
        }
        return userWait.isEmpty() || addressWait.get().compareTo(userWait.get()) >= 0 ? addressWait : userWait;
    }

    void failed(String userId, String address) {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant();
        perAddress.failed(address, now);
        perUser.failed(userKey(userId), now);
        if (perUser.lockedFor(userKey(userId), now).isPresent() || perAddress.lockedFor(address, now).isPresent()) {
            log.warn("Sign-in throttled after repeated wrong passwords: user {}, client address {}", userId, address);
        }
    }

    void succeeded(String userId, String address) {
        if (properties.enabled()) {
            knownAddresses.signedIn(userId, address, clock.instant());
        }
    }

    /** Forget every count and lock on this node (tests, or an operator who restarts a node). */
    void reset() {
        perAddress.clear();
        perUser.clear();
        knownAddresses.forgetRecent();
    }

    /** One key per user whatever the case, so "Relay-Admin" counts against "relay-admin" too. */
    private static String userKey(String userId) {
        return userId.toLowerCase(Locale.ROOT);
    }
}
