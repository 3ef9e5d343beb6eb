package io.dealwire.bench.digest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.bench.catalog.Backlog;
import io.dealwire.contract.DealJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.KafkaProducer;

/** The seed week's deals (the launcher's demo data) as events: the issue the send benchmark sends. */
final class DigestData {

    private DigestData() {
    }

    static int produceSeedWeek(String bootstrapServers, String topic) throws IOException {
        try (InputStream in = DigestData.class.getClassLoader().getResourceAsStream("demo/week-2025-W37.json");
                KafkaProducer<String, byte[]> producer = Backlog.producer(bootstrapServers)) {
            if (in == null) {
                throw new IllegalStateException("the local-stack's demo/week-2025-W37.json is not on the class path");
            }
            int count = 0;
            for (JsonNode node : DealJson.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                producer.send(Backlog.record(topic, DealJson.readDeal(node)));
                count++;
            }
            producer.flush();
            return count;
        }
    }
}
