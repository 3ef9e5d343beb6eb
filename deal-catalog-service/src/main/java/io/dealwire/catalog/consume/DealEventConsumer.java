package io.dealwire.catalog.consume;

import io.dealwire.contract.consume.DatabaseOutage;
import io.dealwire.contract.consume.PoisonRecordException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code dealwire.deals.v1} in group {@code deal-catalog}, a polled batch at a time, each
 * partition's records of the batch on a lane of their own ({@link PartitionLanes}: one thread, one
 * transaction and connection per partition; a deal's events share its partition, so lanes never touch
 * the same deal). Poison records go to the dead-letter topic; the others are applied in partition
 * order. While PostgreSQL is away the same batch is retried with
 * back-off: the method does not return, so nothing is acknowledged and no offset is committed past
 * an unapplied record ({@link DatabaseOutage} decides what is an outage). A batch failing for any
 * other reason is applied event by event, and the events that still fail are dead-lettered with the
 * reason, so a bug or a rejected row cannot block the partition. A stop during a back-off
 * (interrupt) leaves the batch unacknowledged and dead-letters nothing: it is read again after the
 * restart.
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
    private final ConsumerProgress progress;
    private final PartitionLanes lanes;

    public DealEventConsumer(EventReader reader, DealApplier applier, DeadLetterPublisher deadLetters,
            CatalogMetrics metrics, RetryConfig config, ConsumerProgress progress, PartitionLanes lanes) {
        this.reader = reader;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
        this.progress = progress;
        this.lanes = lanes;
    }

    /**
     * A polled batch, its values already read on the polling thread ({@link DealEventDeserializer}).
     *
     * @throws InterruptedException the app stopped during a back-off: the batch is nacked, which the
     *         channel's {@code fail} strategy turns into no commit, so it is redelivered after restart
     */
    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, ReadValue> records) throws InterruptedException {
        try {
            lanes.eachPartition(records, this::processPartition);
        } finally {
            progress.moving();
        }
    }

    /** One partition's records of a polled batch, in offset order: its lane's whole job. */
    private void processPartition(List<ConsumerRecord<String, ReadValue>> records) throws InterruptedException {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.size());
        List<ReadValue> values = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ReadValue> record : records) {
            // a null value (tombstone) never reaches a deserializer
            ReadValue value = record.value() == null ? reader.readValue(null) : record.value();
            batch.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(),
                    value.raw(), record.headers(), record.leaderEpoch()));
            values.add(value);
        }
        process(batch, values);
    }

    /** The whole job for a batch of records; also the path of a rebuild by replay. */
    public ApplyResult process(List<ConsumerRecord<String, String>> records) throws InterruptedException {
        try {
            return process(records, records.stream().map(r -> reader.readValue(r.value())).toList());
        } finally {
            progress.moving();
        }
    }

    private ApplyResult process(List<ConsumerRecord<String, String>> records, List<ReadValue> values)
            throws InterruptedException {
        List<ReceivedEvent> valid = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> validRecords = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                valid.add(reader.read(record, values.get(i)));
                validRecords.add(record);
            } catch (PoisonRecordException poison) {
                deadLetter(record, poison);
            }
        }
        if (valid.isEmpty()) {
            return ApplyResult.NOTHING;
        }
        ApplyResult result;
        try {
            result = applyWaitingOutOutages(valid);
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "Applying %d deal events failed, not for a database outage; applying them one by one",
                    valid.size());
            result = applyOneByOne(valid, validRecords);
        }
        metrics.record(result);
        return result;
    }

    private ApplyResult applyOneByOne(List<ReceivedEvent> events, List<ConsumerRecord<String, String>> records)
            throws InterruptedException {
        ApplyResult result = ApplyResult.NOTHING;
        for (int i = 0; i < events.size(); i++) {
            try {
                result = result.plus(applyWaitingOutOutages(List.of(events.get(i))));
            } catch (RuntimeException failure) {
                deadLetter(records.get(i), PoisonRecordException.cannotBeApplied(failure));
            }
        }
        return result;
    }

    /**
     * Applies, retrying as long as the database is away; any other failure is thrown. The consumer is
     * "moving" again once the whole polled batch is applied (every partition's lane), not before.
     */
    private ApplyResult applyWaitingOutOutages(List<ReceivedEvent> events) throws InterruptedException {
        return Retry.untilDone("Applying " + events.size() + " deal events", config, DatabaseOutage::isOutage, () -> {
            metrics.retried();
            progress.retrying();
        }, () -> applier.apply(events));
    }

    private void deadLetter(ConsumerRecord<String, String> record, PoisonRecordException poison)
            throws InterruptedException {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                poison.getMessage());
        // only the broker being away makes a send fail: retried until it is back
        Retry.untilDone("Sending to the dead-letter topic", config, e -> true, () -> { }, () -> {
            deadLetters.send(record, poison);
            return null;
        });
        metrics.deadLettered();
    }
}
