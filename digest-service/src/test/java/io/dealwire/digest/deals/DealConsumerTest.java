package io.dealwire.digest.deals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.Stage;
import io.dealwire.contract.Topics;
import io.dealwire.testsupport.DatabaseProxy;
import io.dealwire.digest.support.DigestFlows;
import io.dealwire.testsupport.InjectDatabaseProxy;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.digest.support.SeedDeals;
import io.dealwire.testsupport.GreenMailResource;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The digest's consumer: poison to the dead-letter topic and on to the next record, duplicates and
 * redeliveries dropped, a database outage waited out. Every deal here ends withdrawn, so no issue shows it.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
@WithTestResource(GreenMailResource.class)
class DealConsumerTest {

    private static final String DLQ = Topics.dlq(Topics.DIGEST_GROUP);
    private static final LocalDate DEFAULT_REPORTED_ON = LocalDate.of(2026, 7, 21);

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectDatabaseProxy
    DatabaseProxy database;

    @Inject
    DealApplier applier;

    @Inject
    MeterRegistry registry;

    private ConsumerTask<String, String> deadLetters;

    @BeforeEach
    void watchDeadLetters() {
        deadLetters = kafka.consumeStrings().fromTopics(DLQ);
    }

    @AfterEach
    void stopWatching() throws SQLException {
        database.proxy().restore();
        database.acceptWrites();
        deadLetters.stop();
    }

    @Test
    void shouldDeadLetterPoisonRecordsAndGoOn() {
        String unreadableKey = UUID.randomUUID().toString();
        produce(unreadableKey, "{not json");
        Deal blankHeadline = SeedDeals.deal("consumer-invalid", " ", Stage.UPSTREAM, DEFAULT_REPORTED_ON);
        DealEvent invalid = DealEvent.submitted(SeedDeals.DEFAULT_PARTNER, blankHeadline, java.time.Instant.now());
        DigestFlows.publish(kafka, invalid);
        DealEvent after = DigestFlows.withdraw(kafka, "consumer-after-poison");

        DigestFlows.awaitApplied(after);
        ConsumerRecord<String, String> unreadable = awaitDeadLetter(unreadableKey);
        assertThat(header(unreadable, "dead-letter-reason")).startsWith("unreadable deal event");
        assertThat(header(unreadable, "dead-letter-topic")).isEqualTo(Topics.DEALS);
        assertThat(unreadable.value()).isEqualTo("{not json");
        assertThat(header(awaitDeadLetter(invalid.dealId().toString()), "dead-letter-reason"))
                .contains("invalid deal event", "deal.headline");
    }

    @Test
    void shouldApplyTheSameEventOnlyOnce() throws Exception {
        DealEvent submitted = DigestFlows.submit(kafka,
                SeedDeals.deal("consumer-duplicate", "Duplicate deal", Stage.UPSTREAM, DEFAULT_REPORTED_ON));
        DigestFlows.awaitApplied(submitted);
        Timestamp firstApplied = updatedAt(submitted.dealId());

        DigestFlows.publish(kafka, submitted);
        // a poison record on the same key (same partition) is handled after the duplicate
        produce(submitted.dealId().toString(), "not an event");
        awaitDeadLetter(submitted.dealId().toString());
        assertThat(updatedAt(submitted.dealId())).isEqualTo(firstApplied);

        DigestFlows.awaitApplied(DigestFlows.withdraw(kafka, "consumer-duplicate"));
    }

    @Test
    void shouldWaitOutADatabaseOutageWithoutDeadLettering() throws Exception {
        double retriesBefore = retries();
        database.proxy().cut();
        DealEvent duringOutage = DigestFlows.submit(kafka,
                SeedDeals.deal("consumer-outage", "Deal during an outage", Stage.UPSTREAM, DEFAULT_REPORTED_ON));
        // the consumer has met the outage and is retrying the record, not dead-lettering it
        await().atMost(DigestFlows.PATIENCE).until(() -> retries() >= retriesBefore + 1);
        assertThat(updatedAt(duringOutage.dealId())).isNull();
        database.proxy().restore();

        // read straight from PostgreSQL: the app's pool may still hold connections the cut broke
        awaitAppliedPastTheProxy(duringOutage);
        assertThat(deadLetters.getRecords()).noneMatch(r -> duringOutage.dealId().toString().equals(r.key()));
        awaitAppliedPastTheProxy(DigestFlows.withdraw(kafka, "consumer-outage"));
    }

    @Test
    void shouldWaitOutADatabaseThatRefusesWritesWithoutDeadLettering() throws Exception {
        double retriesBefore = retries();
        database.refuseWrites();
        DealEvent submitted = DigestFlows.submit(kafka,
                SeedDeals.deal("consumer-read-only", "Deal while writes are refused", Stage.UPSTREAM, DEFAULT_REPORTED_ON));
        DealEvent withdrawn = DigestFlows.withdraw(kafka, "consumer-read-only");
        await().atMost(DigestFlows.PATIENCE).until(() -> retries() >= retriesBefore + 2);
        // waiting longer than unhealthy-after (1s in tests): not ready, and nothing applied
        await().atMost(DigestFlows.PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'deal-events-consumer' }.status", equalTo("DOWN")));
        assertThat(updatedAt(submitted.dealId())).isNull();
        database.acceptWrites();

        // both applied, in order: the deal ends withdrawn
        awaitAppliedPastTheProxy(withdrawn);
        assertThat(deadLetters.getRecords()).noneMatch(r -> submitted.dealId().toString().equals(r.key()));
        await().atMost(DigestFlows.PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'deal-events-consumer' }.status", equalTo("UP")));
        // the pool drops the sessions the repair ended as it meets them; the app's own reads work again
        await().atMost(DigestFlows.PATIENCE).ignoreExceptions()
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DigestDeal.count()) > 0);
    }

    @Test
    void shouldDeadLetterARecordWhoseValuesTheDatabaseRejects() throws Exception {
        String rejectedId = "consumer-rejected-by-db";
        try (Connection connection = database.direct(); var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE OR REPLACE FUNCTION digest.reject_test_deal() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF NEW.external_id = '%s' THEN
                        RAISE EXCEPTION 'test trigger rejects this deal' USING ERRCODE = 'check_violation';
                      END IF;
                      RETURN NEW;
                    END $$""".formatted(rejectedId));
            statement.execute("DROP TRIGGER IF EXISTS reject_test_deal ON digest.deal");
            statement.execute("CREATE TRIGGER reject_test_deal BEFORE INSERT OR UPDATE ON digest.deal "
                    + "FOR EACH ROW EXECUTE FUNCTION digest.reject_test_deal()");
        }
        DealEvent rejected = DigestFlows.submit(kafka,
                SeedDeals.deal(rejectedId, "Deal the database rejects", Stage.UPSTREAM, DEFAULT_REPORTED_ON));
        DealEvent after = DigestFlows.withdraw(kafka, "consumer-after-rejected");

        ConsumerRecord<String, String> dead = awaitDeadLetter(rejected.dealId().toString());
        assertThat(header(dead, "dead-letter-reason")).startsWith("cannot be applied:")
                .contains("test trigger rejects this deal");
        awaitAppliedPastTheProxy(after);
        assertThat(updatedAt(rejected.dealId())).isNull();
    }

    private void awaitAppliedPastTheProxy(DealEvent event) {
        await().atMost(DigestFlows.PATIENCE).until(() -> event.eventId().equals(lastEventId(event.dealId())));
    }

    private UUID lastEventId(UUID dealId) throws SQLException {
        try (Connection connection = database.direct();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT last_event_id FROM digest.deal WHERE deal_id = ?")) {
            statement.setObject(1, dealId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getObject(1, UUID.class) : null;
            }
        }
    }

    @Test
    void shouldKeepAWithdrawnDealWithdrawnWhenItsSubmissionIsRedelivered() {
        DealEvent submitted = DigestFlows.submit(kafka,
                SeedDeals.deal("consumer-redelivered", "Redelivered deal", Stage.UPSTREAM, DEFAULT_REPORTED_ON));
        DealEvent withdrawn = DigestFlows.withdraw(kafka, "consumer-redelivered");
        DigestFlows.awaitApplied(withdrawn);
        ConsumerRecord<String, String> submission = recordOf(submitted);

        // what a rebalance or crash before the offset commit does: the same record again
        assertThat(applier.apply(submitted, submission.partition(), submission.offset()))
                .isEqualTo(DealApplier.Outcome.DUPLICATE);
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> DigestDeal.<DigestDeal>findById(submitted.dealId()).status)).isEqualTo(DigestDeal.Status.WITHDRAWN);
    }

    private ConsumerRecord<String, String> recordOf(DealEvent event) {
        ConsumerTask<String, String> deals = kafka.consumeStrings().fromTopics(Topics.DEALS);
        try {
            String eventId = event.eventId().toString();
            await().atMost(DigestFlows.PATIENCE)
                    .until(() -> deals.getRecords().stream().anyMatch(r -> r.value() != null && r.value().contains(eventId)));
            return deals.getRecords().stream().filter(r -> r.value() != null && r.value().contains(eventId)).findFirst().orElseThrow();
        } finally {
            deals.stop();
        }
    }

    private double retries() {
        return registry.counter(DealEventConsumer.RETRIES).count();
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String key) {
        await().atMost(DigestFlows.PATIENCE)
                .until(() -> deadLetters.getRecords().stream().anyMatch(r -> key.equals(r.key())));
        return deadLetters.getRecords().stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private void produce(String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.DEALS, key, value)).awaitCompletion();
    }

    /** Read past the proxy, straight from PostgreSQL. */
    private Timestamp updatedAt(UUID dealId) throws SQLException {
        try (Connection connection = database.direct();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT updated_at FROM digest.deal WHERE deal_id = ?")) {
            statement.setObject(1, dealId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getTimestamp(1) : null;
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
