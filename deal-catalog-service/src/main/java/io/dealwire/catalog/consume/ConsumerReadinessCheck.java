package io.dealwire.catalog.consume;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the consumer has been retrying the same events for longer than
 * {@code dealwire.catalog.retry.unhealthy-after}: the channel itself stays up on purpose (a
 * database outage must never stop it), so this is where operators see a stuck consumer.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadinessCheck implements HealthCheck {

    static final String NAME = "deal-events-consumer";

    private final ConsumerProgress progress;
    private final RetryConfig config;

    public ConsumerReadinessCheck(ConsumerProgress progress, RetryConfig config) {
        this.progress = progress;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Instant> since = progress.retryingSince();
        boolean stuck = since.map(s -> Duration.between(s, Instant.now()).compareTo(config.unhealthyAfter()) > 0)
                .orElse(false);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(!stuck);
        since.ifPresent(s -> response.withData("retryingSince", s.toString()));
        return response.build();
    }
}
