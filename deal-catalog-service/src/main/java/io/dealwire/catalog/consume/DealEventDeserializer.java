package io.dealwire.catalog.consume;

import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The value deserializer of the {@code deals} channel: parses and checks each event
 * ({@link EventReader#readValue}) on the Kafka client's polling thread, which reads the next batch
 * while the consumer's worker writes the current one, so a replay's JSON and validation work
 * overlaps the database's instead of adding to it. Never throws: a poison value is handed on with
 * its reason and dead-lettered by the consumer, one record at a time.
 */
public class DealEventDeserializer implements Deserializer<ReadValue> {

    private volatile EventReader reader;

    @Override
    public ReadValue deserialize(String topic, byte[] data) {
        // decoded as StringDeserializer does: a dead letter carries exactly this text
        String raw = data == null ? null : new String(data, StandardCharsets.UTF_8);
        return reader().readValue(raw);
    }

    /** The application's reader (Kafka instantiates deserializers itself, not CDI). */
    private EventReader reader() {
        EventReader current = reader;
        if (current == null) {
            current = Arc.container().instance(EventReader.class).get();
            reader = current;
        }
        return current;
    }
}
