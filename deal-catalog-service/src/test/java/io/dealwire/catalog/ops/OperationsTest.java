package io.dealwire.catalog.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.dealwire.testsupport.ProxiedPostgresResource;
import io.dealwire.catalog.support.Seed;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;

/** What operators and API users rely on besides the data: OpenAPI, health checks, metrics. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(ProxiedPostgresResource.class)
class OperationsTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldBeReadyWithDatabaseAndBrokerChecks() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldPublishTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/deals"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/deals/{dealId}/revisions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/weeks/{week}/summary"));
    }

    @Test
    void shouldExposeConsumerMetrics() {
        Seed.ensurePublished(kafka);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("dealwire_catalog_events_total{outcome=\"applied\""))
                .body(containsString("dealwire_catalog_events_total{outcome=\"duplicate\""))
                .body(containsString("dealwire_catalog_events_total{outcome=\"dead-lettered\""))
                .body(containsString("dealwire_catalog_apply_retries_total"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
    }
}
