package io.dealwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dealwire.contract.DealIds;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The foundation's wiring: the app publishes to the real broker and the test reads the record back. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class IngestWiringTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldPublishARecordThatTheTestReadsBackFromTheBroker() {
        String externalId = "wiring-" + UUID.randomUUID();
        String dealId = Partners.asReex().body(Deals.json(Deals.defaultDeal(externalId)))
                .post("/api/v1/deals")
                .then().statusCode(202)
                .extract().path("dealId");

        assertThat(dealId).isEqualTo(DealIds.dealId(Partners.REEX, externalId).toString());
        assertThat(new DealTopic(kafka.getBootstrapServers()).withKey(UUID.fromString(dealId)))
                .singleElement()
                .satisfies(record -> assertThat(record.value()).contains("\"externalId\":\"" + externalId + "\""));
    }
}
