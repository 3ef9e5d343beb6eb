package io.dealwire.ingest.publish;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.Headers;
import io.dealwire.contract.Topics;
import io.dealwire.ingest.metrics.IngestMetrics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes deal events to {@link Topics#DEALS}. The returned stage completes when the broker acked
 * (acks=all) or fails with a {@link BrokerUnavailableException} (503) once the publish bound is over,
 * so a caller answers 202 only on normal completion. No thread waits for the ack: the producer's
 * callback completes the stage, and the request is answered from there.
 */
@ApplicationScoped
public class DealPublisher {

    /** Fires the publish bound; cancelled timers leave its queue at once (one per in-flight request). */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Producer<String, byte[]> producer;
    private final PublishConfig config;
    private final IngestMetrics metrics;

    DealPublisher(Producer<String, byte[]> producer, PublishConfig config, IngestMetrics metrics) {
        this.producer = producer;
        this.config = config;
        this.metrics = metrics;
    }

    /** Sends one event; the stage completes with its ack within the bound. */
    public CompletableFuture<DealEvent> publish(DealEvent event, TraceParent trace) {
        return publish(event, trace, deadline());
    }

    /** {@link System#nanoTime()} by which every ack of a request started now must have arrived. */
    public long deadline() {
        return System.nanoTime() + config.publishTimeout().toNanos();
    }

    /**
     * Hands the event to the producer (blocking at most max.block.ms, the bound, while the broker is
     * unknown: never call this on an event loop) and completes with its ack until {@code deadlineNanos}.
     * The producer's own delivery.timeout.ms equals the bound, so the callback normally comes first;
     * the timeout is the guarantee that the answer never waits longer.
     */
    public CompletableFuture<DealEvent> publish(DealEvent event, TraceParent trace, long deadlineNanos) {
        Outcome outcome = new Outcome(event, System.nanoTime());
        try {
            producer.send(record(event, trace), (metadata, error) -> {
                if (error == null) {
                    outcome.acked();
                } else {
                    outcome.failed(error);
                }
            });
        } catch (KafkaException e) {
            outcome.failed(e);
            return outcome.future;
        }
        if (!outcome.future.isDone()) {
            ScheduledFuture<?> timer = TIMER.schedule(() -> outcome.failed(new TimeoutException(
                    "no ack within " + config.publishTimeout())), deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            outcome.future.whenComplete((done, error) -> timer.cancel(false));
        }
        return outcome.future;
    }

    /** The first of ack, error and timeout decides, and only it is counted in the metrics. */
    private final class Outcome {
        final CompletableFuture<DealEvent> future = new CompletableFuture<>();
        private final AtomicBoolean settled = new AtomicBoolean();
        private final DealEvent event;
        private final long start;

        Outcome(DealEvent event, long start) {
            this.event = event;
            this.start = start;
        }

        void acked() {
            if (settled.compareAndSet(false, true)) {
                metrics.published(event.type(), System.nanoTime() - start);
                future.complete(event);
            }
        }

        void failed(Throwable cause) {
            if (settled.compareAndSet(false, true)) {
                future.completeExceptionally(DealPublisher.this.failed(event, start, cause));
            }
        }
    }

    private BrokerUnavailableException failed(DealEvent event, long start, Throwable cause) {
        metrics.publishFailed(System.nanoTime() - start);
        Log.warnf("event %s of deal %s not acknowledged: %s", event.eventId(), event.dealId(), cause);
        return new BrokerUnavailableException(config.retryAfter());
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "deal-publish-timeout");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    static ProducerRecord<String, byte[]> record(DealEvent event, TraceParent trace) {
        RecordHeaders headers = new RecordHeaders();
        Headers.of(event).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        headers.add(Headers.TRACEPARENT, trace.header().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.DEALS, null, event.occurredAt().toEpochMilli(),
                event.dealId().toString(), DealJson.writeBytes(event), headers);
    }
}
