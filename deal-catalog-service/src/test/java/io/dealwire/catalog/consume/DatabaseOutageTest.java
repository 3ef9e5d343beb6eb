package io.dealwire.catalog.consume;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealRevisionEntity;
import io.dealwire.catalog.deal.DealStatus;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.DeadLetters;
import io.dealwire.catalog.support.Events;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.DealEvent;
import io.dealwire.testsupport.DatabaseProxy;
import io.dealwire.testsupport.InjectDatabaseProxy;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unavailable mid-stream, in the two ways production meets it: unreachable (its connections
 * cut by a proxy) and answering but refusing every write (read-only, SQL state 25006). Either way
 * nothing is dead-lettered, readiness goes DOWN, the consumer carries on by itself when writes are
 * accepted again, and every event is applied exactly once, in order. A stop during the back-off
 * leaves the batch for the next start.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class DatabaseOutageTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @InjectDatabaseProxy
    DatabaseProxy database;

    @Inject
    CatalogMetrics metrics;

    @Inject
    DealEventConsumer consumer;

    @Inject
    EntityManager em;

    @AfterEach
    void restoreDatabase() throws Exception {
        database.restore();
        database.acceptWrites();
    }

    @Test
    void shouldRetryWithoutDeadLetteringAndApplyEveryEventOnceWhenTheDatabaseReturns() throws Exception {
        assertOutageWaitedOut("unreachable", database::cut, database::restore);
    }

    @Test
    void shouldWaitOutADatabaseThatRefusesWritesInsteadOfDeadLettering() throws Exception {
        assertOutageWaitedOut("read-only", database::refuseWrites, database::acceptWrites);
    }

    @Test
    void shouldDeadLetterNothingAndLeaveTheBatchWhenStoppedDuringTheBackOff() throws Exception {
        String partner = TestDeals.uniquePartner();
        List<DealEvent> events = IntStream.range(0, 3)
                .mapToObj(i -> TestDeals.submitted(partner, TestDeals.deal("stopped-" + i)))
                .toList();
        // a batch as the consumer receives it, at positions far past anything the live consumer sees
        long offset = 2_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFF) * 10;
        List<ConsumerRecord<String, String>> batch = IntStream.range(0, events.size())
                .mapToObj(i -> consumed(events.get(i), offset + i)).toList();
        double deadLetteredBefore = metrics.deadLetteredCount();
        double retriesBefore = metrics.retriesCount();
        database.refuseWrites();

        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                consumer.process(batch);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "stopped-consumer");
        worker.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics.retriesCount() >= retriesBefore + 1);
        worker.interrupt(); // what a shutdown does to the worker thread
        worker.join(Duration.ofSeconds(30).toMillis());

        assertThat(worker.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(metrics.deadLetteredCount()).isEqualTo(deadLetteredBefore);
        assertThat(DeadLetters.withKeys(kafka, keys(events))).isEmpty();
        assertThat(appliedRows(partner)).isZero();

        // after the restart the unacknowledged batch comes again and is applied, once
        database.acceptWrites();
        assertThat(consumer.process(batch).applied()).isEqualTo(3);
        assertThat(consumer.process(batch).applied()).isZero();
        assertThat(Db.read(() -> DealEntity.<DealEntity>list("partnerId", partner)))
                .hasSize(3).allSatisfy(d -> assertThat(d.revision).isEqualTo(1));

        // these events were never on the topic: a rebuild by replay (RebuildByReplayTest) must not miss them
        Db.run(() -> {
            em.createNativeQuery("DELETE FROM catalog.deal_revision WHERE deal_id IN (SELECT deal_id FROM catalog.deal"
                    + " WHERE partner_id = ?1)").setParameter(1, partner).executeUpdate();
            em.createNativeQuery("DELETE FROM catalog.deal WHERE partner_id = ?1").setParameter(1, partner)
                    .executeUpdate();
        });
    }

    /**
     * Two deals applied, then the database breaks; during the outage two new deals arrive and the
     * first two change (a new revision, a withdrawal). After the repair all of it is applied once, in
     * partition order.
     */
    private void assertOutageWaitedOut(String kind, Action breakIt, Action repair) throws Exception {
        String partner = TestDeals.uniquePartner();
        List<DealEvent> first = IntStream.range(0, 2)
                .mapToObj(i -> TestDeals.submitted(partner, TestDeals.deal(kind + "-" + i)))
                .toList();
        Events.publish(kafka, first);
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedRows(partner) == 2);
        double deadLetteredBefore = metrics.deadLetteredCount();
        double retriesBefore = metrics.retriesCount();

        breakIt.run();
        List<DealEvent> duringOutage = new ArrayList<>();
        duringOutage.add(TestDeals.submitted(partner, TestDeals.deal(kind + "-2")));
        duringOutage.add(TestDeals.submitted(partner,
                TestDeals.deal(kind + "-0", "Revised during the outage", TestDeals.DEFAULT_REPORTED_ON)));
        duringOutage.add(TestDeals.withdrawn(partner, kind + "-1"));
        duringOutage.add(TestDeals.submitted(partner, TestDeals.deal(kind + "-3")));
        Events.publish(kafka, duringOutage);
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics.retriesCount() >= retriesBefore + 2);
        // the consumer's own check: retrying longer than unhealthy-after (1s in tests)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'deal-events-consumer' }.status", equalTo("DOWN")));
        repair.run();

        await().atMost(Duration.ofSeconds(90)).until(() -> appliedRows(partner) == 4
                && Db.read(() -> DealEntity.<DealEntity>list("partnerId", partner)).stream()
                        .mapToInt(d -> d.revision).sum() == 6);
        Map<String, DealEntity> deals = Db.read(() -> DealEntity.<DealEntity>list("partnerId", partner)).stream()
                .collect(Collectors.toMap(d -> d.externalId, Function.identity()));
        assertThat(deals.get(kind + "-0").revision).isEqualTo(2);
        assertThat(deals.get(kind + "-0").headline).isEqualTo("Revised during the outage");
        assertThat(deals.get(kind + "-1").status).isEqualTo(DealStatus.WITHDRAWN);
        assertThat(deals.get(kind + "-2").revision).isEqualTo(1);
        assertThat(deals.get(kind + "-3").revision).isEqualTo(1);
        Set<UUID> ids = deals.values().stream().map(d -> d.dealId).collect(Collectors.toSet());
        // one revision row per event: nothing applied twice
        assertThat(Db.read(() -> DealRevisionEntity.count("dealId in ?1", ids))).isEqualTo(6);
        assertThat(metrics.deadLetteredCount()).isEqualTo(deadLetteredBefore);
        assertThat(DeadLetters.withKeys(kafka, keys(first))).isEmpty();
        assertThat(DeadLetters.withKeys(kafka, keys(duringOutage))).isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'deal-events-consumer' }.status", equalTo("UP")));
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static Set<String> keys(List<DealEvent> events) {
        return events.stream().map(e -> e.dealId().toString()).collect(Collectors.toSet());
    }

    private static long appliedRows(String partner) {
        return Db.read(() -> DealEntity.count("partnerId", partner));
    }

    private static ConsumerRecord<String, String> consumed(DealEvent event, long offset) {
        ProducerRecord<String, String> record = Events.record(event);
        return new ConsumerRecord<>(record.topic(), 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, record.key(), record.value(), new RecordHeaders(record.headers().toArray()),
                java.util.Optional.empty());
    }
}
