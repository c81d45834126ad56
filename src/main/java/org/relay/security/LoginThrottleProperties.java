package org.relay.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Sign-in throttling ({@code relay.security.login-throttle.*}, {@link SignInThrottle}). Counts live in each node's
 * memory: with N nodes a client gets up to N times these budgets.
 *
 * @param enabled               off only for a load test that signs in wrongly on purpose
 * @param perAddress            failed sign-ins one client address (an IPv6 /64) may make, whoever it names
 * @param perUser               failed sign-ins against one user id from addresses that never signed in as that user
 * @param knownAddressRetention how long an address that signed in as a user stays exempt from that user's lock
 */
@ConfigurationProperties("relay.security.login-throttle")
public record LoginThrottleProperties(Boolean enabled, Limit perAddress, Limit perUser, Duration knownAddressRetention) {

    static final Limit ADDRESS_DEFAULTS = new Limit(30, Duration.ofMinutes(15), Duration.ofMinutes(15));
    static final Limit USER_DEFAULTS = new Limit(10, Duration.ofMinutes(15), Duration.ofMinutes(15));

    public LoginThrottleProperties {
        enabled = enabled == null || enabled;
        perAddress = Limit.orDefaults(perAddress, ADDRESS_DEFAULTS);
        perUser = Limit.orDefaults(perUser, USER_DEFAULTS);
        knownAddressRetention = knownAddressRetention == null ? Duration.ofDays(90) : knownAddressRetention;
    }

    /**
     * @param maxFailures  failures within {@code window} that lock
     * @param window       counted from the first failure; afterwards the count starts again
     * @param lockDuration how long the lock lasts; it then lifts by itself
     */
    public record Limit(Integer maxFailures, Duration window, Duration lockDuration) {

        static Limit orDefaults(Limit given, Limit defaults) {
            if (given == null) {
                return defaults;
            }
            Limit limit = new Limit(given.maxFailures() != null ? given.maxFailures() : defaults.maxFailures(),
                    given.window() != null ? given.window() : defaults.window(),
                    given.lockDuration() != null ? given.lockDuration() : defaults.lockDuration());
            if (limit.maxFailures() < 1 || limit.window().isNegative() || limit.window().isZero()
                    || limit.lockDuration().isNegative() || limit.lockDuration().isZero()) {
                throw new IllegalArgumentException("relay.security.login-throttle: max-failures must be at least 1 and"
                        + " window and lock-duration positive, got " + limit);
            }
            return limit;
        }
    }
}
