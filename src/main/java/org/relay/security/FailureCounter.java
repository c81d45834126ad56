package org.relay.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per key (an address or a user id) within a window; reaching the limit locks the key for the lock
 * duration, after which it starts from zero. Bounded in size, so a flood of keys cannot exhaust memory (Caffeine
 * keeps the keys that are hit often, such as an attacked user).
 */
final class FailureCounter {

    private static final int MAX_KEYS = 100_000;

    private final LoginThrottleProperties.Limit limit;
    private final Cache<String, Failures> byKey;

    FailureCounter(LoginThrottleProperties.Limit limit) {
        this.limit = limit;
        Duration kept = limit.window().compareTo(limit.lockDuration()) > 0 ? limit.window() : limit.lockDuration();
        this.byKey = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(kept).build();
    }

    /** How long the key stays locked; empty when it is not. */
    Optional<Duration> lockedFor(String key, Instant now) {
        Failures failures = byKey.getIfPresent(key);
        if (failures == null || failures.lockedUntil() == null || !failures.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.lockedUntil()));
    }

    void failed(String key, Instant now) {
        byKey.asMap().compute(key, (k, failures) -> Failures.after(failures, now, limit));
    }

    void clear() {
        byKey.invalidateAll();
    }

    private record Failures(int count, Instant windowStart, Instant lockedUntil) {

        static Failures after(Failures before, Instant now, LoginThrottleProperties.Limit limit) {
            boolean fresh = before == null || before.windowStart() == null
                    || !now.isBefore(before.windowStart().plus(limit.window()));
            int count = fresh ? 1 : before.count() + 1;
            Instant windowStart = fresh ? now : before.windowStart();
            if (count >= limit.maxFailures()) {
                return new Failures(0, null, now.plus(limit.lockDuration()));
            }
            return new Failures(count, windowStart, before != null ? before.lockedUntil() : null);
        }
    }
}
