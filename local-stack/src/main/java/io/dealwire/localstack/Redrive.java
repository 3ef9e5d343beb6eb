package io.dealwire.localstack;

import io.dealwire.contract.Headers;
import io.dealwire.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-drives a consumer group's dead-letter topic: copies every record not re-driven yet from
 * {@code dealwire.deals.v1.dlq.<group>} back to the topic it came from (its {@code dead-letter-topic} or
 * {@code dw_dlq_original_topic} header, else {@code dealwire.deals.v1}), with the same key, value and
 * headers minus the dead-letter ones ({@code dead-letter-*}, {@code dw_dlq_*}), plus
 * {@code dw_redriven_from}. Progress is the committed offset of the tool's own consumer
 * group {@code dealwire-redrive.<group>}, committed after the copies are acknowledged (acks=all):
 * a crash copies a record twice at worst, which the idempotent consumers drop by eventId.
 */
public final class Redrive {

    /** What one run did. */
    public record Result(String deadLetterTopic, int copied) {
    }

    public static final String REDRIVEN_FROM = "dw_redriven_from";
    private static final String SMALLRYE_PREFIX = "dead-letter-";
    private static final String CONTRACT_PREFIX = "dw_dlq_";
    /** Where a dead letter was read from: SmallRye's header, or the contract's (catalog's own DLQ writer). */
    private static final Set<String> ORIGIN_HEADERS = Set.of(SMALLRYE_PREFIX + "topic", Headers.DLQ_ORIGINAL_TOPIC);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_RUN = Duration.ofMinutes(10);

    private final String bootstrapServers;

    public Redrive(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static String groupOf(String consumerGroup) {
        return "dealwire-redrive." + consumerGroup;
    }

    /** Copies what was dead-lettered up to now; records arriving meanwhile wait for the next run. */
    public Result run(String consumerGroup) throws InterruptedException, ExecutionException {
        String dlq = Topics.dlq(consumerGroup);
        int copied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(groupOf(consumerGroup)));
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(dlq, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return new Result(dlq, 0);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + MAX_RUN.toNanos();
            while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    sends.add(producer.send(copyOf(record)));
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
                // the offsets move only once every copy is acknowledged
                for (Future<RecordMetadata> send : sends) {
                    send.get();
                }
                copied += sends.size();
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
        }
        return new Result(dlq, copied);
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    static ProducerRecord<byte[], byte[]> copyOf(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        String target = Topics.DEALS;
        for (Header header : record.headers()) {
            if (ORIGIN_HEADERS.contains(header.key()) && header.value() != null) {
                String original = new String(header.value(), StandardCharsets.UTF_8);
                // never back into a dead-letter topic, whatever a header says
                if (!original.contains(".dlq.")) {
                    target = original;
                }
            }
            if (!header.key().startsWith(SMALLRYE_PREFIX) && !header.key().startsWith(CONTRACT_PREFIX)) {
                headers.add(header);
            }
        }
        String origin = record.topic() + "/" + record.partition() + "/" + record.offset();
        headers.add(REDRIVEN_FROM, origin.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
    }

    private Properties consumerProps(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
