package io.dealwire.ingest.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code dealwire.ingest.*}: how long a request may wait for the broker. */
@ConfigMapping(prefix = "dealwire.ingest")
public interface PublishConfig {

    /**
     * The bound on waiting for the broker's ack (metadata included). Past it the answer is 503:
     * the producer's max.block.ms, request.timeout.ms and delivery.timeout.ms are set to it too.
     */
    @WithDefault("5s")
    Duration publishTimeout();

    /** The Retry-After of a 503 when the broker did not ack in time. */
    @WithDefault("5s")
    Duration retryAfter();

    /** How long the readiness check waits for the broker to describe the cluster. */
    @WithDefault("2s")
    Duration healthTimeout();
}
