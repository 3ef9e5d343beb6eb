package io.dealwire.catalog.consume;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Since when the consumer has been retrying the same events (database away), for readiness. */
@ApplicationScoped
public class ConsumerProgress {

    private final AtomicReference<Instant> retryingSince = new AtomicReference<>();

    void retrying() {
        retryingSince.compareAndSet(null, Instant.now());
    }

    void moving() {
        retryingSince.set(null);
    }

    public Optional<Instant> retryingSince() {
        return Optional.ofNullable(retryingSince.get());
    }
}
