package org.relay.customerstatus;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) per client address for the status page: page views, and the stricter limit on what a
 * visitor sends (messages, withdrawals). Tokens cannot be guessed; the limits keep a flood of tries cheap.
 */
@Component
class StatusPageRateLimit {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final CustomerStatusProperties properties;
    private final Map<String, Bucket> views = new ConcurrentHashMap<>();
    private final Map<String, Bucket> posts = new ConcurrentHashMap<>();

    StatusPageRateLimit(CustomerStatusProperties properties) {
        this.properties = properties;
    }

    boolean mayView(String address) {
        return take(views, address, properties.pageViewsPerIpPerMinute());
    }

    boolean maySend(String address) {
        return take(posts, address, properties.postsPerIpPerMinute());
    }

    /** Forget all counts (tests). */
    void reset() {
        views.clear();
        posts.clear();
    }

    private static boolean take(Map<String, Bucket> buckets, String address, int perMinute) {
        if (buckets.size() > MAX_TRACKED_ADDRESSES) {
            buckets.clear(); // a flood of addresses must not exhaust memory; limits restart
        }
        return buckets.computeIfAbsent(address, a -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build()).tryConsume(1);
    }
}
