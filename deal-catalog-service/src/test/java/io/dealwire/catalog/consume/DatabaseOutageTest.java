package io.dealwire.catalog.consume;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealRevisionEntity;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.DeadLetters;
import io.dealwire.catalog.support.Events;
import io.dealwire.testsupport.InjectDatabaseProxy;
import io.dealwire.testsupport.DatabaseProxy;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.DealEvent;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL made unreachable mid-stream (its connections cut by a proxy): nothing is
 * dead-lettered, the consumer retries by itself, and every event is applied exactly once.
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

    @AfterEach
    void restoreDatabase() {
        database.restore();
    }

    @Test
    void shouldRetryWithoutDeadLetteringAndApplyEveryEventOnceWhenTheDatabaseReturns() {
        String partner = TestDeals.uniquePartner();
        List<DealEvent> events = IntStream.range(0, 6)
                .mapToObj(i -> TestDeals.submitted(partner, TestDeals.deal("outage-" + i)))
                .toList();
        Events.publish(kafka, events.subList(0, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedRows(partner) == 2);
        double deadLetteredBefore = metrics.deadLetteredCount();
        double retriesBefore = metrics.retriesCount();

        database.cut();
        Events.publish(kafka, events.subList(2, 6));
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics.retriesCount() >= retriesBefore + 2);
        given().get("/q/health/ready").then().statusCode(503);
        // the consumer's own check: retrying longer than unhealthy-after (1s in tests)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'deal-events-consumer' }.status", equalTo("DOWN")));
        database.restore();

        await().atMost(Duration.ofSeconds(90)).until(() -> appliedRows(partner) == 6);
        Set<UUID> ids = events.stream().map(DealEvent::dealId).collect(Collectors.toSet());
        List<DealRevisionEntity> revisions = Db.read(() -> DealRevisionEntity.<DealRevisionEntity>list(
                "dealId in ?1", ids));
        assertThat(revisions).hasSize(6).allSatisfy(r -> assertThat(r.revision).isEqualTo(1));
        assertThat(Db.read(() -> DealEntity.<DealEntity>list("partnerId", partner)))
                .allSatisfy(d -> assertThat(d.revision).isEqualTo(1));
        assertThat(metrics.deadLetteredCount()).isEqualTo(deadLetteredBefore);
        assertThat(DeadLetters.withKeys(kafka, ids.stream().map(UUID::toString).collect(Collectors.toSet())))
                .isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'deal-events-consumer' }.status", equalTo("UP")));
    }

    private static long appliedRows(String partner) {
        return Db.read(() -> DealEntity.count("partnerId", partner));
    }
}
