package io.dealwire.catalog.support;

import io.dealwire.contract.Topics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads the catalog's dead-letter topic from its beginning. */
public final class DeadLetters {

    public static final String TOPIC = Topics.dlq(Topics.CATALOG_GROUP);

    private DeadLetters() {
    }

    /** Every dead letter whose key is one of {@code keys}, read until the topic is quiet for a moment. */
    public static List<ConsumerRecord<String, String>> withKeys(KafkaCompanion kafka, Set<String> keys) {
        ensureTopic(kafka);
        try (ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(TOPIC)) {
            task.awaitNoRecords(Duration.ofSeconds(2));
            return task.stream().filter(r -> keys.contains(r.key())).toList();
        }
    }

    public static ConsumerRecord<String, String> awaitKey(KafkaCompanion kafka, String key) {
        ensureTopic(kafka);
        try (ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(TOPIC)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> task.stream().anyMatch(r -> key.equals(r.key())));
            return task.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
    }

    private static void ensureTopic(KafkaCompanion kafka) {
        if (!kafka.topics().list().contains(TOPIC)) {
            kafka.topics().createAndWait(TOPIC, 1);
        }
    }
}
