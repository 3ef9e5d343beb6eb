package io.dealwire.ingest.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per partner: {@code requests-per-minute} tokens, refilled continuously. A batch
 * is one request. In memory per instance: with N replicas a partner gets up to N times its rate,
 * which is acceptable for protecting each instance (see README).
 */
@ApplicationScoped
public class RateLimiter {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final PartnersConfig config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(PartnersConfig config) {
        this.config = config;
    }

    /** Takes a token; when none is left, the whole seconds until the next one (for Retry-After). */
    public OptionalLong tryAcquire(String partnerId) {
        int perMinute = Math.max(1, config.partners().get(partnerId).requestsPerMinute());
        return buckets.computeIfAbsent(partnerId, id -> new Bucket(perMinute)).tryAcquire(System.nanoTime());
    }

    private static final class Bucket {

        private final int capacity;
        private final double tokensPerNano;
        private double tokens;
        private long refilledAt;

        Bucket(int perMinute) {
            this.capacity = perMinute;
            this.tokensPerNano = perMinute / (double) NANOS_PER_MINUTE;
            this.tokens = perMinute;
            this.refilledAt = System.nanoTime();
        }

        synchronized OptionalLong tryAcquire(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double nanosToNext = (1 - tokens) / tokensPerNano;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(nanosToNext / 1e9)));
        }
    }
}
