package io.dealwire.bench.catalog;

import io.dealwire.bench.load.DealBodies;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.Headers;
import io.dealwire.localstack.DevKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Real deal events (built with the contract's own factory, so ids, JSON and headers are exactly what
 * the ingest writes), produced ahead of a run to a topic of their own.
 */
public final class Backlog {

    private Backlog() {
    }

    /** Produces {@code count} deal.submitted events for deals {@code 0..count-1} of {@code bodies}. */
    public static void produce(String bootstrapServers, String topic, DealBodies bodies, int count) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            for (int i = 0; i < count; i++) {
                producer.send(record(topic, DealJson.readDeal(bodies.body(i))));
            }
            producer.flush();
        }
    }

    /** A deal.submitted record of the partner of the DEVELOPMENT key, with the contract's headers. */
    public static ProducerRecord<String, byte[]> record(String topic, Deal deal) {
        DealEvent event = DealEvent.submitted(DevKeys.PARTNER_ID, deal, Instant.now());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.dealId().toString(),
                DealJson.writeBytes(event));
        Headers.of(event).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    static void sleepPoll() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
