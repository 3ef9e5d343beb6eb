package io.dealwire.bench;

import java.time.Duration;

/**
 * How big a run is. {@link #full()} is what docs/benchmarks.md reports; {@link #quick()} checks the
 * harness itself in a couple of minutes (figures from it mean nothing).
 */
public record BenchSizes(Duration warmup, Duration measure, int clients, long producerRecords, int catalogEvents,
        double endToEndRate, Duration endToEndWindow, int subscribers, int composeDeals, double digestRate) {

    public static BenchSizes full() {
        // 30 s of warm-up: after 15 s the ingest's JIT compilers still used ~0.3 cores inside the window
        return new BenchSizes(Duration.ofSeconds(30), Duration.ofSeconds(30), 32, 300_000, 200_000, 20,
                Duration.ofSeconds(30), 10_000, 10_000, 200);
    }

    public static BenchSizes quick() {
        return new BenchSizes(Duration.ofSeconds(3), Duration.ofSeconds(5), 8, 20_000, 5_000, 10,
                Duration.ofSeconds(5), 300, 500, 100);
    }
}
