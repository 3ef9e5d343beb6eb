package io.dealwire.catalog.support;

import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.Headers;
import io.dealwire.contract.Topics;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes to dealwire.deals.v1 as the ingest service does: key dealId, JSON value, CloudEvents headers. */
public final class Events {

    private Events() {
    }

    public static ProducerRecord<String, String> record(DealEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DEALS, event.dealId().toString(),
                DealJson.write(event));
        Headers.of(event).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    public static void publish(KafkaCompanion kafka, DealEvent... events) {
        publish(kafka, Arrays.asList(events));
    }

    public static void publish(KafkaCompanion kafka, List<DealEvent> events) {
        sendInOrder(kafka, events.stream().map(Events::record).toList());
    }

    /** Sends one record after the other, each acknowledged, so their order on a partition is the list's. */
    public static void sendInOrder(KafkaCompanion kafka, List<ProducerRecord<String, String>> records) {
        try (ProducerBuilder<String, String> producer = kafka.produceStrings()) {
            for (ProducerRecord<String, String> record : records) {
                producer.fromRecords(record).awaitCompletion();
            }
        }
    }
}
