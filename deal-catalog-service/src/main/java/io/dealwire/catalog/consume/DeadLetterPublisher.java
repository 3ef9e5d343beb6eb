package io.dealwire.catalog.consume;

import io.dealwire.contract.Headers;
import io.dealwire.contract.Topics;
import io.dealwire.contract.consume.PoisonRecordException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a poison record, unchanged (key, value, original headers), to
 * {@code dealwire.deals.v1.dlq.deal-catalog} and waits for the broker's ack. It adds SmallRye's
 * dead-letter headers (the same names its {@code dead-letter-queue} strategy writes) and the
 * contract's {@code dw_dlq_*} headers. We send ourselves because the consumer reads batches, and
 * SmallRye's strategy would dead-letter a whole batch, not the one bad record.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "deals-dlq";

    static final String REASON = "dead-letter-reason";
    static final String CAUSE = "dead-letter-cause";
    static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";

    private final MutinyEmitter<String> emitter;

    public DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, String> record, PoisonRecordException reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        add(headers, REASON, reason.getMessage());
        if (reason.getCause() != null) {
            add(headers, CAUSE, String.valueOf(reason.getCause().getMessage()));
        }
        add(headers, EXCEPTION_CLASS, reason.getClass().getName());
        add(headers, TOPIC, record.topic());
        add(headers, PARTITION, Integer.toString(record.partition()));
        add(headers, OFFSET, Long.toString(record.offset()));
        add(headers, Headers.DLQ_REASON, reason.getMessage());
        add(headers, Headers.DLQ_ORIGINAL_TOPIC, record.topic());
        add(headers, Headers.DLQ_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, Headers.DLQ_ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, Headers.DLQ_GROUP, Topics.CATALOG_GROUP);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(metadata));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
