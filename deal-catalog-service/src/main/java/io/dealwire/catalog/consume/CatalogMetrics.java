package io.dealwire.catalog.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** The consumer's counters; consumer lag comes from the Kafka client metrics (see README). */
@ApplicationScoped
public class CatalogMetrics {

    static final String EVENTS = "dealwire.catalog.events";
    static final String RETRIES = "dealwire.catalog.apply.retries";

    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter retries;

    public CatalogMetrics(MeterRegistry registry) {
        applied = outcome(registry, "applied");
        duplicates = outcome(registry, "duplicate");
        deadLettered = outcome(registry, "dead-lettered");
        retries = Counter.builder(RETRIES)
                .description("Attempts to apply a batch that failed (database unreachable) and were retried")
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder(EVENTS)
                .description("Deal events consumed, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void record(ApplyResult result) {
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void retried() {
        retries.increment();
    }

    public double deadLetteredCount() {
        return deadLettered.count();
    }

    public double retriesCount() {
        return retries.count();
    }

    public double duplicatesCount() {
        return duplicates.count();
    }

    public double appliedCount() {
        return applied.count();
    }
}
