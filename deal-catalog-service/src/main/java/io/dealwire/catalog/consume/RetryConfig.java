package io.dealwire.catalog.consume;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the consumer waits for the database to come back. */
@ConfigMapping(prefix = "dealwire.catalog.retry")
public interface RetryConfig {

    /** First wait after a failed attempt; doubled after each further failure. */
    @WithDefault("0.5s")
    Duration initialDelay();

    /** Longest wait between two attempts. */
    @WithDefault("30s")
    Duration maxDelay();

    /** Readiness is DOWN once the consumer has been retrying the same events for longer than this. */
    @WithDefault("30s")
    Duration unhealthyAfter();
}
