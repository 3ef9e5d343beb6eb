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
import io.dealwire.contract.Headers;
import io.dealwire.contract.Topics;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Poison records go to the dead-letter topic with the reason in headers; the next record is still applied. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class PoisonRecordTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"eventId\": |unreadable event: malformed JSON",
            "unknown type|{\"eventId\":\"1b4e28ba-2fa1-4d3b-883f-0016d3cca427\",\"type\":\"deal.exploded\"}|unreadable event: type",
            "submission without a deal|WITHOUT_DEAL|invalid event: deal must be present"})
    void shouldDeadLetterAPoisonRecordAndApplyTheNextOne(String kind, String value, String reason) {
        String partner = TestDeals.uniquePartner();
        DealEvent next = TestDeals.submitted(partner, TestDeals.deal("after-poison"));
        String poisonKey = UUID.randomUUID().toString();
        String poisonValue = value.equals("WITHOUT_DEAL") ? withoutDeal(next) : value;
        // same partition as the valid event, so it really comes after the poison
        int partition = 0;
        ProducerRecord<String, String> valid = Events.record(next);

        Events.sendInOrder(kafka, List.of(
                new ProducerRecord<>(Topics.DEALS, partition, poisonKey, poisonValue),
                new ProducerRecord<>(Topics.DEALS, partition, valid.key(), valid.value(), valid.headers())));

        ConsumerRecord<String, String> dead = DeadLetters.awaitKey(kafka, poisonKey);
        assertThat(dead.value()).isEqualTo(poisonValue);
        assertThat(header(dead, "dead-letter-reason")).startsWith(reason);
        assertThat(header(dead, Headers.DLQ_REASON)).startsWith(reason);
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.DEALS);
        assertThat(header(dead, "dead-letter-partition")).isEqualTo("0");
        assertThat(header(dead, "dead-letter-offset")).matches("\\d+");
        assertThat(header(dead, Headers.DLQ_GROUP)).isEqualTo(Topics.CATALOG_GROUP);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.read(() -> DealEntity.findByIdOptional(next.dealId()).isPresent()));
    }

    private static String withoutDeal(DealEvent event) {
        return io.dealwire.contract.DealJson.write(new DealEvent(event.eventId(), event.type(), event.dealId(),
                event.partnerId(), event.externalId(), event.occurredAt(), null));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }
}
