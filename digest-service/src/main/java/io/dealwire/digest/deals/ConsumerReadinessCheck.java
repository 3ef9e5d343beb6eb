package io.dealwire.digest.deals;

import io.dealwire.digest.config.DigestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the consumer has been waiting out the database for longer than
 * {@code dealwire.digest.consumer.unhealthy-after}: the channel stays up on purpose (an outage must
 * never stop it or dead-letter anything), so this is where operators see a stuck consumer.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadinessCheck implements HealthCheck {

    static final String NAME = "deal-events-consumer";

    private final DealEventConsumer consumer;
    private final DigestConfig config;

    public ConsumerReadinessCheck(DealEventConsumer consumer, DigestConfig config) {
        this.consumer = consumer;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Instant> since = consumer.waitingSince();
        Duration patience = config.digest().consumer().unhealthyAfter();
        boolean stuck = since.map(s -> Duration.between(s, Instant.now()).compareTo(patience) > 0).orElse(false);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(!stuck);
        since.ifPresent(s -> response.withData("waitingSince", s.toString()));
        return response.build();
    }
}
