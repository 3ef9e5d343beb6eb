package io.dealwire.catalog.consume;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.Events;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.catalog.support.Seed;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.Topics;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The operator's rebuild (README, "Rebuild by replay"): wipe the tables, then consume
 * {@code dealwire.deals.v1} from the beginning. The wipe is the README's TRUNCATE; the replay
 * reads every record of the topic from offset 0 and hands it, partition by partition and in
 * batches, to the consumer's own processing — what the service does after its group's offsets
 * were reset to earliest.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class RebuildByReplayTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DealEventConsumer consumer;

    @Inject
    EntityManager em;

    @Test
    void shouldRebuildAWipedCatalogEqualToTheOriginal() throws InterruptedException {
        Seed.ensurePublished(kafka);
        String partner = TestDeals.uniquePartner();
        DealEvent withdrawn = TestDeals.submitted(partner, TestDeals.deal("rebuild-withdrawn"));
        Events.publish(kafka, withdrawn,
                TestDeals.submitted(partner, TestDeals.deal("rebuild-revised")),
                TestDeals.submitted(partner, TestDeals.deal("rebuild-revised", "Revised for the rebuild",
                        TestDeals.DEFAULT_REPORTED_ON)),
                TestDeals.withdrawn(partner, "rebuild-withdrawn"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.read(() -> DealEntity.<DealEntity>findByIdOptional(
                withdrawn.dealId()).map(d -> d.revision == 2).orElse(false)));
        await().atMost(Duration.ofSeconds(60)).until(() -> consumedEverything());
        Map<String, String> original = catalog();

        Db.run(() -> em.createNativeQuery("TRUNCATE catalog.deal_revision, catalog.deal").executeUpdate());
        assertThat(catalog()).isEmpty();
        replayTopicFromTheBeginning();

        assertThat(catalog()).isEqualTo(original);
        assertThat(original).hasSizeGreaterThanOrEqualTo(11);
    }

    /** Every deal (API answer) and its revisions (API answer), by dealId. */
    private static Map<String, String> catalog() {
        Map<String, String> state = new TreeMap<>();
        int page = 0;
        while (true) {
            List<String> ids = given().queryParam("includeWithdrawn", "true").queryParam("size", 200)
                    .queryParam("page", page++).get("/api/v1/deals")
                    .then().statusCode(200).extract().jsonPath().getList("items.dealId", String.class);
            if (ids.isEmpty()) {
                return state;
            }
            for (String id : ids) {
                state.put(id, given().get("/api/v1/deals/{id}", id).then().statusCode(200).extract().asString()
                        + given().get("/api/v1/deals/{id}/revisions", id).then().extract().asString());
            }
        }
    }

    /** The live consumer is idle: its group has committed the end of every partition. */
    private boolean consumedEverything() {
        Map<TopicPartition, Long> ends = endOffsets();
        var committed = kafka.consumerGroups().offsets(Topics.CATALOG_GROUP);
        return ends.entrySet().stream().allMatch(e -> committed.containsKey(e.getKey())
                && committed.get(e.getKey()).offset() == e.getValue());
    }

    private void replayTopicFromTheBeginning() throws InterruptedException {
        Map<TopicPartition, Long> ends = endOffsets();
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        List<ConsumerRecord<String, String>> records;
        try (ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(Topics.DEALS, total)) {
            records = new ArrayList<>(task.awaitCompletion(Duration.ofSeconds(60)).getRecords());
        }
        records.sort(Comparator.comparing((ConsumerRecord<String, String> r) -> r.partition())
                .thenComparing(ConsumerRecord::offset));
        for (int from = 0; from < records.size(); from += 500) {
            consumer.process(records.subList(from, Math.min(records.size(), from + 500)));
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        List<TopicPartition> partitions = kafka.topics().describe(Topics.DEALS).get(Topics.DEALS).partitions()
                .stream().map(p -> new TopicPartition(Topics.DEALS, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(Comparator.comparing(TopicPartition::partition));
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new TreeMap<>(Comparator.comparing(TopicPartition::partition));
        kafka.offsets().list(latest).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
