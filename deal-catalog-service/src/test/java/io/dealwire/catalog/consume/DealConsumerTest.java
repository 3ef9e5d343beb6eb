package io.dealwire.catalog.consume;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealRevisionEntity;
import io.dealwire.catalog.deal.DealStatus;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.Events;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.catalog.support.Seed;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealIds;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The consumer on the real broker and the real PostgreSQL: rows, idempotency, revisions, withdrawals. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class DealConsumerTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogMetrics metrics;

    @Test
    void shouldStoreTheNineSeedEventsAsNineRowsThroughTheFlywaySchema() {
        Seed.ensurePublished(kafka);

        List<DealEntity> rows = Db.read(() -> DealEntity.list("partnerId", TestDeals.SEED_PARTNER));
        assertThat(rows).hasSize(9);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.status).isEqualTo(DealStatus.ACTIVE);
            assertThat(row.revision).isEqualTo(1);
            assertThat(row.week).isEqualTo(TestDeals.SEED_WEEK);
        });
        DealEntity jsLink = Db.read(() -> DealEntity.findById(
                DealIds.dealId(TestDeals.SEED_PARTNER, "reex-2025-09-02-jslink-columbus-magnets")));
        assertThat(jsLink.countries).containsExactly("KR", "US");
        assertThat(jsLink.elements).containsExactly("Nd", "Pr");
        assertThat(jsLink.valueAmount).isEqualByComparingTo("223000000");
        assertThat(jsLink.content().capacity().amount()).isEqualByComparingTo("3000");
    }

    @Test
    void shouldChangeNothingWhenTheSeedIsPublishedAgain() {
        Seed.ensurePublished(kafka);
        Map<UUID, String> before = snapshotOfSeed();
        long revisionsBefore = Db.read(() -> DealRevisionEntity.count());
        double duplicatesBefore = metrics.duplicatesCount();

        Events.publish(kafka, TestDeals.seedEvents());

        await().atMost(Duration.ofSeconds(60)).until(() -> metrics.duplicatesCount() >= duplicatesBefore + 9);
        assertThat(snapshotOfSeed()).isEqualTo(before);
        long revisionsAfter = Db.read(() -> DealRevisionEntity.count());
        assertThat(revisionsAfter).isEqualTo(revisionsBefore);
    }

    @Test
    void shouldAddARevisionForNewContentAndHideAWithdrawnDeal() {
        String partner = TestDeals.uniquePartner();
        Deal first = TestDeals.deal("lynas-offtake");
        Deal revised = TestDeals.deal("lynas-offtake", "Lynas doubles its heavy rare earth offtake",
                TestDeals.DEFAULT_REPORTED_ON);
        DealEvent submitted = TestDeals.submitted(partner, first);
        UUID dealId = submitted.dealId();

        Events.publish(kafka, submitted, TestDeals.submitted(partner, revised));
        await().atMost(Duration.ofSeconds(60)).until(() -> revisionOf(dealId) == 2);
        given().get("/api/v1/deals/{id}", dealId).then().statusCode(200)
                .body("headline", equalTo(revised.headline()))
                .body("revision", equalTo(2))
                .body("status", equalTo("ACTIVE"));

        Events.publish(kafka, TestDeals.withdrawn(partner, "lynas-offtake"));
        await().atMost(Duration.ofSeconds(60)).until(() -> revisionOf(dealId) == 3);

        given().get("/api/v1/deals/{id}", dealId).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("headline", equalTo(revised.headline()));
        given().queryParam("partner", partner).get("/api/v1/deals").then().statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("partner", partner).queryParam("includeWithdrawn", "true").get("/api/v1/deals")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("WITHDRAWN"));
        given().get("/api/v1/deals/{id}/revisions", dealId).then().statusCode(200)
                .body("revision", equalTo(List.of(1, 2, 3)))
                .body("type", equalTo(List.of("deal.submitted", "deal.submitted", "deal.withdrawn")))
                .body("[0].deal.headline", equalTo(first.headline()))
                .body("[2].deal", equalTo(null));
    }

    @Test
    void shouldBringAWithdrawnDealBackWhenItIsSubmittedAgain() {
        String partner = TestDeals.uniquePartner();
        DealEvent submitted = TestDeals.submitted(partner, TestDeals.deal("comeback"));

        Events.publish(kafka, submitted, TestDeals.withdrawn(partner, "comeback"),
                TestDeals.submitted(partner, TestDeals.deal("comeback", "Back on", TestDeals.DEFAULT_REPORTED_ON)));
        await().atMost(Duration.ofSeconds(60)).until(() -> revisionOf(submitted.dealId()) == 3);

        DealEntity deal = Db.read(() -> DealEntity.findById(submitted.dealId()));
        assertThat(deal.status).isEqualTo(DealStatus.ACTIVE);
        assertThat(deal.headline).isEqualTo("Back on");
    }

    @Test
    void shouldKeepADealWhoseOnlyRemainingRecordIsItsWithdrawal() {
        // after compaction a withdrawn deal's submissions are gone: the withdrawal is all a replay sees
        String partner = TestDeals.uniquePartner();
        DealEvent withdrawal = TestDeals.withdrawn(partner, "compacted-away");

        Events.publish(kafka, withdrawal);
        await().atMost(Duration.ofSeconds(60)).until(() -> revisionOf(withdrawal.dealId()) == 1);

        given().get("/api/v1/deals/{id}", withdrawal.dealId()).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("partnerId", equalTo(partner))
                .body("externalId", equalTo("compacted-away"))
                .body("revision", equalTo(1))
                .body("week", equalTo(null))
                .body("headline", equalTo(null));
        given().queryParam("partner", partner).queryParam("includeWithdrawn", "true").get("/api/v1/deals")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].dealId", equalTo(withdrawal.dealId().toString()));
        given().queryParam("partner", partner).get("/api/v1/deals").then().body("total", equalTo(0));
        given().get("/api/v1/deals/{id}/revisions", withdrawal.dealId()).then().statusCode(200)
                .body("type", equalTo(List.of("deal.withdrawn")));
        String page = given().get("/deals/{id}", withdrawal.dealId()).then().statusCode(200).extract().asString();
        assertThat(page).contains("Withdrawn by the partner.", partner + " / compacted-away");

        DealEvent resubmitted = TestDeals.submitted(partner, TestDeals.deal("compacted-away"));
        Events.publish(kafka, resubmitted);
        await().atMost(Duration.ofSeconds(60)).until(() -> revisionOf(withdrawal.dealId()) == 2);
        DealEntity deal = Db.read(() -> DealEntity.findById(withdrawal.dealId()));
        assertThat(deal.status).isEqualTo(DealStatus.ACTIVE);
        assertThat(deal.headline).isEqualTo(TestDeals.DEFAULT_HEADLINE);
    }

    private static int revisionOf(UUID dealId) {
        return Db.read(() -> {
            DealEntity deal = DealEntity.findById(dealId);
            return deal == null ? 0 : deal.revision;
        });
    }

    private static Map<UUID, String> snapshotOfSeed() {
        return Db.read(() -> DealEntity.<DealEntity>list("partnerId", TestDeals.SEED_PARTNER)).stream()
                .collect(Collectors.toMap(d -> d.dealId,
                        d -> d.revision + "|" + d.lastEventId + "|" + d.lastOffset + "|" + d.updatedAt + "|" + d.deal,
                        (a, b) -> a, java.util.TreeMap::new));
    }

}
