package io.dealwire.catalog.consume;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code dealwire.deals.v1} in group {@code deal-catalog}, a polled batch at a time (one
 * transaction per batch makes a replay fast). Poison records go to the dead-letter topic; the
 * others are applied in partition order. While PostgreSQL is away the same batch is retried with
 * back-off: the method does not return, so nothing is acknowledged and no offset is committed past
 * an unapplied record.
 */
@ApplicationScoped
public class DealEventConsumer {

    public static final String CHANNEL = "deals";

    private static final Logger LOG = Logger.getLogger(DealEventConsumer.class);

    private final EventReader reader;
    private final DealApplier applier;
    private final DeadLetterPublisher deadLetters;
    private final CatalogMetrics metrics;
    private final RetryConfig config;

    public DealEventConsumer(EventReader reader, DealApplier applier, DeadLetterPublisher deadLetters,
            CatalogMetrics metrics, RetryConfig config) {
        this.reader = reader;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        process(batch);
    }

    /** The whole job for a batch of records; also the path of a rebuild by replay. */
    public ApplyResult process(List<ConsumerRecord<String, String>> records) {
        List<ReceivedEvent> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                valid.add(reader.read(record));
            } catch (PoisonRecordException poison) {
                LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        poison.getMessage());
                Retry.untilDone("Sending to the dead-letter topic", config, () -> { }, () -> {
                    deadLetters.send(record, poison);
                    return null;
                });
                metrics.deadLettered();
            }
        }
        if (valid.isEmpty()) {
            return ApplyResult.NOTHING;
        }
        ApplyResult result = Retry.untilDone("Applying " + valid.size() + " deal events", config, metrics::retried,
                () -> applier.apply(valid));
        metrics.record(result);
        return result;
    }
}
