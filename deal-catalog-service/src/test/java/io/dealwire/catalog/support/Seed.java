package io.dealwire.catalog.support;

import static org.awaitility.Awaitility.await;

import io.dealwire.catalog.deal.DealEntity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;

/** Publishes the seed week (idempotent: a second publication is nine duplicates) and waits for it. */
public final class Seed {

    private Seed() {
    }

    public static void ensurePublished(KafkaCompanion kafka) {
        if (seedRows() == 9) {
            return;
        }
        Events.publish(kafka, TestDeals.seedEvents());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> seedRows() == 9);
    }

    private static long seedRows() {
        return Db.read(() -> DealEntity.count("partnerId", TestDeals.SEED_PARTNER));
    }
}
