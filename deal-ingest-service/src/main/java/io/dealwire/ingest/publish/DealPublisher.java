package io.dealwire.ingest.publish;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.Headers;
import io.dealwire.contract.Topics;
import io.dealwire.ingest.metrics.IngestMetrics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes deal events to {@link Topics#DEALS} and waits for the broker's ack within the publish bound.
 * A caller answers 202 only when {@link #publish} or {@link #await} returned normally; any other
 * outcome is a {@link BrokerUnavailableException} (503), never a 202.
 */
@ApplicationScoped
public class DealPublisher {

    private final Producer<String, byte[]> producer;
    private final PublishConfig config;
    private final IngestMetrics metrics;

    DealPublisher(Producer<String, byte[]> producer, PublishConfig config, IngestMetrics metrics) {
        this.producer = producer;
        this.config = config;
        this.metrics = metrics;
    }

    /** A sent record whose ack is still to be awaited. */
    public record Pending(DealEvent event, Future<RecordMetadata> ack, long sentAtNanos) {
    }

    /** Sends one event and waits for its ack. */
    public void publish(DealEvent event, TraceParent trace) {
        long deadline = deadline();
        await(send(event, trace), deadline);
    }

    /** {@link System#nanoTime()} by which every ack of a request started now must have arrived. */
    public long deadline() {
        return System.nanoTime() + config.publishTimeout().toNanos();
    }

    /** Hands the event to the producer; blocks at most the bound (max.block.ms) when the broker is unknown. */
    public Pending send(DealEvent event, TraceParent trace) {
        long start = System.nanoTime();
        try {
            return new Pending(event, producer.send(record(event, trace)), start);
        } catch (KafkaException e) {
            throw failed(event, start, e);
        }
    }

    /** Waits for the ack until {@code deadlineNanos}. */
    public RecordMetadata await(Pending pending, long deadlineNanos) {
        try {
            RecordMetadata acked = pending.ack().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            metrics.published(pending.event().type(), System.nanoTime() - pending.sentAtNanos());
            return acked;
        } catch (TimeoutException | ExecutionException e) {
            throw failed(pending.event(), pending.sentAtNanos(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(pending.event(), pending.sentAtNanos(), e);
        }
    }

    private BrokerUnavailableException failed(DealEvent event, long start, Exception e) {
        metrics.publishFailed(System.nanoTime() - start);
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        Log.warnf("event %s of deal %s not acknowledged: %s", event.eventId(), event.dealId(), cause);
        return new BrokerUnavailableException(config.retryAfter());
    }

    static ProducerRecord<String, byte[]> record(DealEvent event, TraceParent trace) {
        RecordHeaders headers = new RecordHeaders();
        Headers.of(event).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        headers.add(Headers.TRACEPARENT, trace.header().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.DEALS, null, event.occurredAt().toEpochMilli(),
                event.dealId().toString(), DealJson.writeBytes(event), headers);
    }
}
