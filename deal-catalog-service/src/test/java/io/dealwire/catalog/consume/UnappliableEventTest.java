package io.dealwire.catalog.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.DeadLetters;
import io.dealwire.catalog.support.Events;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.Topics;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event that is valid but that the database rejects every time (here: a trigger in the real
 * PostgreSQL refusing one headline) is not an outage: it is dead-lettered with the reason and the
 * other events of its batch are applied, instead of the partition being retried forever.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class UnappliableEventTest {

    static final String REJECTED_HEADLINE = "Rejected by the database every time";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DealEventConsumer consumer;

    @Inject
    CatalogMetrics metrics;

    @Inject
    EntityManager em;

    @BeforeEach
    void installRejectingTrigger() {
        Db.run(() -> {
            em.createNativeQuery("""
                    CREATE OR REPLACE FUNCTION catalog.reject_test_headline() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF NEW.headline = '%s' THEN
                        RAISE EXCEPTION 'test trigger rejects this deal' USING ERRCODE = 'check_violation';
                      END IF;
                      RETURN NEW;
                    END $$""".formatted(REJECTED_HEADLINE)).executeUpdate();
            em.createNativeQuery("DROP TRIGGER IF EXISTS reject_test_headline ON catalog.deal").executeUpdate();
            em.createNativeQuery("CREATE TRIGGER reject_test_headline BEFORE INSERT OR UPDATE ON catalog.deal "
                    + "FOR EACH ROW EXECUTE FUNCTION catalog.reject_test_headline()").executeUpdate();
        });
    }

    @Test
    void shouldDeadLetterAnEventTheDatabaseRejectsAndApplyTheOthers() {
        String partner = TestDeals.uniquePartner();
        DealEvent before = TestDeals.submitted(partner, TestDeals.deal("before-rejected"));
        DealEvent rejected = rejected(partner);
        DealEvent after = TestDeals.submitted(partner, TestDeals.deal("after-rejected"));

        // one send, one partition: very likely one polled batch, and in this order in any case
        kafka.produceStrings().fromRecords(onPartitionZero(before), onPartitionZero(rejected), onPartitionZero(after))
                .awaitCompletion();

        ConsumerRecord<String, String> dead = DeadLetters.awaitKey(kafka, rejected.dealId().toString());
        assertThat(KafkaCompanion.getHeader(dead.headers(), "dead-letter-reason"))
                .startsWith("cannot be applied:").contains("test trigger rejects this deal");
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.read(() -> DealEntity.count("partnerId", partner)) == 2);
        assertThat(Db.read(() -> DealEntity.findByIdOptional(rejected.dealId()))).isEmpty();
    }

    @Test
    void shouldApplyTheRestOfABatchOneByOneWhenOneEventFails() throws InterruptedException {
        String partner = TestDeals.uniquePartner();
        List<DealEvent> events = List.of(TestDeals.submitted(partner, TestDeals.deal("batch-a")), rejected(partner),
                TestDeals.submitted(partner, TestDeals.deal("batch-b")));
        double deadLetteredBefore = metrics.deadLetteredCount();
        // a batch as the consumer receives it; positions far past anything the live consumer sees
        long offset = 1_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFF) * 10;
        List<ConsumerRecord<String, String>> batch = List.of(consumed(events.get(0), offset),
                consumed(events.get(1), offset + 1), consumed(events.get(2), offset + 2));

        ApplyResult result = consumer.process(batch);

        assertThat(result.applied()).isEqualTo(2);
        assertThat(metrics.deadLetteredCount()).isEqualTo(deadLetteredBefore + 1);
        assertThat(Db.read(() -> DealEntity.count("partnerId", partner))).isEqualTo(2);
        DeadLetters.awaitKey(kafka, events.get(1).dealId().toString());
    }

    private static DealEvent rejected(String partner) {
        return TestDeals.submitted(partner, TestDeals.deal("rejected", REJECTED_HEADLINE, TestDeals.DEFAULT_REPORTED_ON));
    }

    private static ProducerRecord<String, String> onPartitionZero(DealEvent event) {
        ProducerRecord<String, String> record = Events.record(event);
        return new ProducerRecord<>(Topics.DEALS, 0, record.key(), record.value(), record.headers());
    }

    private static ConsumerRecord<String, String> consumed(DealEvent event, long offset) {
        ProducerRecord<String, String> record = Events.record(event);
        return new ConsumerRecord<>(Topics.DEALS, 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, record.key(), record.value(), new RecordHeaders(record.headers().toArray()), java.util.Optional.empty());
    }
}
