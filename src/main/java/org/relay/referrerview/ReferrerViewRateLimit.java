package org.relay.referrerview;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.relay.customerstatus.CustomerStatusProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Page views per client address (Bucket4j), at the customer status page's rate
 * ({@code relay.customer-status.page-views-per-ip-per-minute}): tokens cannot be guessed, the limit keeps tries cheap.
 */
@Component
class ReferrerViewRateLimit {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final CustomerStatusProperties properties;
    private final Map<String, Bucket> views = new ConcurrentHashMap<>();

    ReferrerViewRateLimit(CustomerStatusProperties properties) {
        this.properties = properties;
    }

    boolean mayView(String address) {
        if (views.size() > MAX_TRACKED_ADDRESSES) {
            views.clear(); // a flood of addresses must not exhaust memory; limits restart
        }
        int perMinute = properties.pageViewsPerIpPerMinute();
        return views.computeIfAbsent(address, a -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build()).tryConsume(1);
    }

    /** Forget all counts (tests). */
    void reset() {
        views.clear();
    }
}
