package io.dealwire.catalog.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealRevisionEntity;
import io.dealwire.catalog.support.Db;
import io.dealwire.catalog.support.Events;
import io.dealwire.catalog.support.TestDeals;
import io.dealwire.contract.DealEvent;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.dealwire.testsupport.ProxiedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Partitions applied side by side: many revisions of many deals, sent in one burst so that polled
 * batches span the three partitions, all arrive, each deal's revisions in the order they were sent.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class PartitionLanesTest {

    private static final int DEALS = 30;
    private static final int REVISIONS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    PartitionLanes lanes;

    @Test
    void shouldApplyEveryDealsRevisionsInOrderWhilePartitionsRunSideBySide() throws Exception {
        String partner = TestDeals.uniquePartner();
        long sideBySideBefore = lanes.batchesSideBySide();
        List<DealEvent> events = new ArrayList<>();
        for (int revision = 1; revision <= REVISIONS; revision++) {
            for (int deal = 0; deal < DEALS; deal++) {
                events.add(TestDeals.submitted(partner, TestDeals.deal("lane-" + deal, "revision " + revision,
                        TestDeals.DEFAULT_REPORTED_ON)));
            }
        }
        Set<UUID> dealIds = events.stream().map(DealEvent::dealId).collect(Collectors.toSet());

        // one burst: the producer batches the records, so the consumer polls several partitions at once
        kafka.produceStrings().fromRecords(events.stream().map(Events::record).toList()).awaitCompletion();

        await().atMost(Duration.ofSeconds(60)).until(() -> Db.read(() -> DealEntity
                .count("partnerId = ?1 and revision = ?2", partner, REVISIONS)) == DEALS);
        for (UUID dealId : dealIds) {
            List<DealRevisionEntity> revisions = Db.read(() -> DealRevisionEntity.<DealRevisionEntity>list("dealId", dealId))
                    .stream().sorted(Comparator.comparingInt(r -> r.revision)).toList();
            assertThat(revisions).extracting(r -> r.revision).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            for (DealRevisionEntity revision : revisions) {
                assertThat(JSON.readTree(revision.deal).path("headline").asText())
                        .as("revision %d of %s", revision.revision, dealId).isEqualTo("revision " + revision.revision);
            }
            assertThat(revisions).extracting(r -> r.sourceOffset).isSorted();
        }
        assertThat(lanes.batchesSideBySide()).as("batches applied on several lanes at once")
                .isGreaterThan(sideBySideBefore);
    }
}
