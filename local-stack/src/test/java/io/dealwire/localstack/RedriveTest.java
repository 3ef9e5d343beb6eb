package io.dealwire.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ./dealwire redrive} against a real broker: the same KRaft process the local stack runs. */
class RedriveTest {

    private static final String DEFAULT_VALUE = "{\"eventId\":\"e-1\",\"type\":\"deal.submitted\"}";
    private static final String DEFAULT_CE_ID = "8f6f1c1e-4a1b-4c55-9a44-3f1a7c2b9d10";

    private static Path dataDir;
    private static KafkaCluster kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        dataDir = Files.createTempDirectory("dealwire-redrive-test-");
        kafka = KafkaCluster.start(TestHome.path().resolve("local-stack/target/lib"), dataDir, List.of(FreePorts.any()),
                LogSink.to(System.out));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
        Directories.delete(dataDir);
    }

    @Test
    void shouldCopyDeadLettersBackWithKeyValueAndHeadersButNoDeadLetterHeaders() throws Exception {
        String group = uniqueGroup();
        String key = UUID.randomUUID().toString();
        produce(deadLetter(group, key, DEFAULT_VALUE));

        Redrive.Result result = new Redrive(kafka.bootstrapServers()).run(group);

        assertThat(result.copied()).isEqualTo(1);
        ConsumerRecord<String, String> copy = awaitOnDealsTopic(key);
        assertThat(copy.value()).isEqualTo(DEFAULT_VALUE);
        assertThat(headerNames(copy)).contains("ce_id", "dw_stage", Redrive.REDRIVEN_FROM)
                .noneMatch(name -> name.startsWith("dead-letter-") || name.startsWith("dw_dlq_"));
        assertThat(header(copy, "ce_id")).isEqualTo(DEFAULT_CE_ID);
        assertThat(header(copy, Redrive.REDRIVEN_FROM)).isEqualTo(Topics.dlq(group) + "/0/0");
    }

    @Test
    void shouldCopyEachDeadLetterOnceAcrossRunsAndCommitItsOwnGroupOffset() throws Exception {
        String group = uniqueGroup();
        produce(deadLetter(group, UUID.randomUUID().toString(), DEFAULT_VALUE));
        produce(deadLetter(group, UUID.randomUUID().toString(), DEFAULT_VALUE));
        Redrive redrive = new Redrive(kafka.bootstrapServers());

        assertThat(redrive.run(group).copied()).isEqualTo(2);
        assertThat(redrive.run(group).copied()).as("a second run finds nothing new").isZero();
        produce(deadLetter(group, UUID.randomUUID().toString(), DEFAULT_VALUE));
        assertThat(redrive.run(group).copied()).as("only the record dead-lettered since").isEqualTo(1);

        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin
                    .listConsumerGroupOffsets(Redrive.groupOf(group)).partitionsToOffsetAndMetadata().get();
            assertThat(offsets.get(new TopicPartition(Topics.dlq(group), 0)).offset()).isEqualTo(3);
        }
    }

    @Test
    void shouldReportNothingToDoForAGroupWithoutDeadLetters() throws Exception {
        String group = uniqueGroup();

        assertThat(new Redrive(kafka.bootstrapServers()).run(group).copied()).isZero();
    }

    /** A consumer group of its own per test, whose dead-letter topic has one partition as in LocalTopics. */
    private static String uniqueGroup() throws Exception {
        String group = "test-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(Topics.dlq(group), 1, (short) 1))).all().get();
        }
        return group;
    }

    /** A record as SmallRye's dead-letter-queue strategy writes it: the original's headers plus its own. */
    private static ProducerRecord<String, String> deadLetter(String group, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.dlq(group), key, value);
        header(record, "ce_id", DEFAULT_CE_ID);
        header(record, "dw_stage", "MIDSTREAM");
        header(record, "dead-letter-reason", "Unrecognized field \"foo\"");
        header(record, "dead-letter-exception-class-name", "com.fasterxml.jackson.core.JsonParseException");
        header(record, "dead-letter-topic", Topics.DEALS);
        header(record, "dead-letter-partition", "1");
        header(record, "dead-letter-offset", "42");
        header(record, "dw_dlq_reason", "unparseable JSON");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void produce(ProducerRecord<String, String> record) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        }
    }

    private static ConsumerRecord<String, String> awaitOnDealsTopic(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.DEALS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(record -> key.equals(record.key()));
            });
        }
        return seen.stream().filter(record -> key.equals(record.key())).findFirst().orElseThrow();
    }

    private static List<String> headerNames(ConsumerRecord<?, ?> record) {
        return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
