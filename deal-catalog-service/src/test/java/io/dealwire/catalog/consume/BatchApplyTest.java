package io.dealwire.catalog.consume;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealStatus;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.Events;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.Topics;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several events of one deal in one batch, as a replay delivers them: the rows written at the end
 * of the batch must be what applying them one at a time gives (positions far past anything the
 * live consumer sees, so only {@link DealEventConsumer#process} applies them).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class BatchApplyTest {

    private static final Instant FIRST_RECEIVED = Instant.parse("2025-10-06T09:00:00Z");

    @Inject
    DealEventConsumer consumer;

    @Inject
    EntityManager em;

    private final String partner = TestDeals.uniquePartner();
    private final long base = 2_000_000_000L + (UUID.randomUUID().getMostSignificantBits() & 0xFFFFFF) * 100;

    @Test
    void shouldApplyAThenBThenAAgainInOneBatchAsThreeRevisionsAndSkipARedelivery() throws InterruptedException {
        DealEvent a = TestDeals.submitted(partner, TestDeals.deal("aba"));
        DealEvent b = TestDeals.submitted(partner, TestDeals.deal("aba", "Revised B", TestDeals.DEFAULT_REPORTED_ON));

        ApplyResult result = consumer.process(List.of(record(a, 0), record(b, 1), record(a, 2), record(b, 1)));

        assertThat(result).isEqualTo(new ApplyResult(3, 1));
        DealEntity deal = Db.read(() -> DealEntity.findById(a.dealId()));
        assertThat(deal.revision).isEqualTo(3);
        assertThat(deal.headline).isEqualTo(TestDeals.DEFAULT_HEADLINE);
        assertThat(deal.lastOffset).isEqualTo(base + 2);
        assertThat(deal.firstReceivedAt).isEqualTo(FIRST_RECEIVED);
        assertThat(deal.updatedAt).isEqualTo(FIRST_RECEIVED.plusSeconds(2));
        given().get("/api/v1/deals/{id}/revisions", a.dealId()).then().statusCode(200)
                .body("revision", equalTo(List.of(1, 2, 3)))
                .body("eventId", equalTo(List.of(a.eventId().toString(), b.eventId().toString(),
                        a.eventId().toString())))
                .body("deal.headline", equalTo(List.of(TestDeals.DEFAULT_HEADLINE, "Revised B",
                        TestDeals.DEFAULT_HEADLINE)));

        assertThat(consumer.process(List.of(record(a, 2), record(b, 3)))).isEqualTo(new ApplyResult(1, 1));
        assertThat(Db.read(() -> DealEntity.<DealEntity>findById(a.dealId())).headline).isEqualTo("Revised B");
    }

    @Test
    void shouldFillInADealFirstSeenByItsWithdrawalWhenTheSameBatchSubmitsIt() throws InterruptedException {
        DealEvent withdrawal = TestDeals.withdrawn(partner, "withdrawn-first");
        DealEvent submission = TestDeals.submitted(partner, TestDeals.deal("withdrawn-first"));

        assertThat(consumer.process(List.of(record(withdrawal, 0), record(submission, 1))))
                .isEqualTo(new ApplyResult(2, 0));

        DealEntity deal = Db.read(() -> DealEntity.findById(withdrawal.dealId()));
        assertThat(deal.status).isEqualTo(DealStatus.ACTIVE);
        assertThat(deal.revision).isEqualTo(2);
        assertThat(deal.headline).isEqualTo(TestDeals.DEFAULT_HEADLINE);
        assertThat(deal.countries).containsExactly("AU", "JP");
        assertThat(deal.firstReceivedAt).isEqualTo(FIRST_RECEIVED);
        given().get("/api/v1/deals/{id}/revisions", withdrawal.dealId()).then().statusCode(200)
                .body("type", equalTo(List.of("deal.withdrawn", "deal.submitted")))
                .body("[0].deal", equalTo(null));
    }

    @Test
    void shouldKeepTheContentOfAnExistingDealWithdrawnInALaterBatch() throws InterruptedException {
        DealEvent submission = TestDeals.submitted(partner, TestDeals.deal("withdrawn-later"));
        consumer.process(List.of(record(submission, 0)));

        assertThat(consumer.process(List.of(record(TestDeals.withdrawn(partner, "withdrawn-later"), 1))))
                .isEqualTo(new ApplyResult(1, 0));

        DealEntity deal = Db.read(() -> DealEntity.findById(submission.dealId()));
        assertThat(deal.status).isEqualTo(DealStatus.WITHDRAWN);
        assertThat(deal.revision).isEqualTo(2);
        assertThat(deal.headline).isEqualTo(TestDeals.DEFAULT_HEADLINE);
        assertThat(deal.content().headline()).isEqualTo(TestDeals.DEFAULT_HEADLINE);
        assertThat(deal.updatedAt).isEqualTo(FIRST_RECEIVED.plusSeconds(1));
    }

    /** These rows were never on the topic: a rebuild by replay (RebuildByReplayTest) must not expect them. */
    @AfterEach
    void deleteTheRowsOfThisTest() {
        Db.run(() -> {
            em.createNativeQuery("DELETE FROM catalog.deal_revision WHERE deal_id IN"
                    + " (SELECT deal_id FROM catalog.deal WHERE partner_id = ?1)").setParameter(1, partner).executeUpdate();
            em.createNativeQuery("DELETE FROM catalog.deal WHERE partner_id = ?1").setParameter(1, partner)
                    .executeUpdate();
        });
    }

    /** The event as consumed at {@code base + n}, received n seconds after {@link #FIRST_RECEIVED}. */
    private ConsumerRecord<String, String> record(DealEvent event, int n) {
        ProducerRecord<String, String> record = Events.record(event);
        return new ConsumerRecord<>(Topics.DEALS, 0, base + n, FIRST_RECEIVED.plusSeconds(n).toEpochMilli(),
                TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
                new RecordHeaders(record.headers().toArray()), Optional.empty());
    }
}
