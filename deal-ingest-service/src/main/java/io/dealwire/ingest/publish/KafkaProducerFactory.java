package io.dealwire.ingest.publish;

import io.dealwire.contract.Topics;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one Kafka producer of the service, built from the {@code kafka.*} configuration with the
 * settings our answers depend on forced: acks=all and idempotence (a 202 means durably written, and
 * the producer's own retries never duplicate), the delivery and request timeouts equal to the publish
 * bound, so no record outlives the request that gave up on it by more than a moment, and send() never
 * blocking the event loop for more than {@link #MAX_BLOCK_MS}.
 */
@ApplicationScoped
public class KafkaProducerFactory {

    private static final long LINGER_MS = 1;
    /**
     * How long {@code send} may wait for the topic's metadata or for buffer space. It runs on the
     * event loop, which must never wait for long: past this the request gets a 503 with Retry-After,
     * as for any broker that does not answer in time. Under load the metadata is always cached.
     */
    static final long MAX_BLOCK_MS = 100;

    @Produces
    @ApplicationScoped
    Producer<String, byte[]> producer(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            PublishConfig config) {
        return new KafkaProducer<>(settings(kafka, config.publishTimeout()));
    }

    /**
     * Creates the producer at start and asks for the deal topic's metadata, so the first partners'
     * requests find it cached (send() waits at most {@link #MAX_BLOCK_MS} for it on the event loop).
     * Each ask waits {@link #MAX_BLOCK_MS}, less than a first connection takes: it is asked again for
     * up to the publish timeout, which start-up can afford.
     */
    void warmUp(@Observes StartupEvent event, Producer<String, byte[]> producer, PublishConfig config) {
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        while (true) {
            try {
                producer.partitionsFor(Topics.DEALS);
                return;
            } catch (KafkaException e) {
                if (System.nanoTime() >= deadline) {
                    // the broker is not there: the fetch goes on in the background, readiness reports it
                    Log.infof("No metadata for %s within %s of start: %s", Topics.DEALS, config.publishTimeout(),
                            e.getMessage());
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(MAX_BLOCK_MS)); // no busy loop on an instant refusal
            }
        }
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }

    static Map<String, Object> settings(Map<String, Object> kafka, Duration publishTimeout) {
        Map<String, Object> settings = new HashMap<>(kafka);
        String bound = Long.toString(publishTimeout.toMillis());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "deal-ingest-service");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5"); // the idempotent maximum: keeps order
        // 1 ms lets concurrent requests share a produce request (fewer per-record costs in producer and
        // broker): 1,843/s vs 838-1,049/s at max, p99 at half load 6.3 ms (benchmarks/run ingest).
        // delivery.timeout.ms must be >= linger.ms + request.timeout.ms.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(LINGER_MS));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(MAX_BLOCK_MS));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(publishTimeout.toMillis() - LINGER_MS));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, bound);
        return settings;
    }
}
