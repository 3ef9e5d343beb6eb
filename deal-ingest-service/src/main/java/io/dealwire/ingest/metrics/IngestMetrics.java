package io.dealwire.ingest.metrics;

import io.dealwire.contract.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's own meters (Prometheus names in the README): events accepted by type, deals or
 * requests rejected by reason, and how long the broker took to ack (or until we gave up).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    /* Looked up once: a registry look-up per event showed in the profile. */
    private final Map<EventType, Counter> accepted = new EnumMap<>(EventType.class);
    private final Timer acked;
    private final Timer failed;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (EventType type : EventType.values()) {
            accepted.put(type, Counter.builder("dealwire.ingest.events.accepted")
                    .description("Events acknowledged by the broker and answered 202 (or ACCEPTED in a batch)")
                    .tag("type", type.json())
                    .register(registry));
        }
        acked = publishTimer("acked");
        failed = publishTimer("failed");
    }

    /** An event was acknowledged by the broker, {@code nanos} after it was sent. */
    public void published(EventType type, long nanos) {
        accepted.get(type).increment();
        acked.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void publishFailed(long nanos) {
        failed.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request, or one item of a batch, was turned down. */
    public void rejected(RejectionReason reason) {
        Counter.builder("dealwire.ingest.rejected")
                .description("Requests and batch items rejected, by reason")
                .tag("reason", reason.tag())
                .register(registry).increment();
    }

    private Timer publishTimer(String outcome) {
        return Timer.builder("dealwire.ingest.publish")
                .description("Time from handing an event to the producer until the broker's ack or giving up")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }
}
