package org.relay.webform;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets (Bucket4j) per client address and for everyone together, refilled every minute. */
@Component
class SubmissionRateLimit {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final WebFormProperties properties;
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private volatile Bucket global;

    SubmissionRateLimit(WebFormProperties properties) {
        this.properties = properties;
        this.global = bucket(properties.globalPerMinute());
    }

    boolean tryAcquire(String address) {
        if (perAddress.size() > MAX_TRACKED_ADDRESSES) {
            perAddress.clear(); // a flood of addresses must not exhaust memory; limits restart
        }
        Bucket own = perAddress.computeIfAbsent(address, a -> bucket(properties.perIpPerMinute()));
        return own.tryConsume(1) && global.tryConsume(1);
    }

    /** Forget all counts (tests, or after changing limits). */
    void reset() {
        perAddress.clear();
        global = bucket(properties.globalPerMinute());
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }
}
