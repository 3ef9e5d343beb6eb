package io.dealwire.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.contract.DealJson;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** OpenAPI, Swagger UI, health and metrics, as operators and partners see them. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class OperationsEndpointsTest {

    @Test
    void shouldServeAnOpenApiDocumentWhoseExampleIsTheFirstSeedDeal() {
        String document = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();

        JsonNode openApi = DealJson.readTree(document);
        JsonNode example = openApi.at("/paths/~1api~1v1~1deals/post/requestBody/content/application~1json/examples/seed/value");
        assertThat(example).isEqualTo(Deals.seedWeek().get(0));
        assertThat(openApi.at("/paths/~1api~1v1~1deals~1batch/post").isMissingNode()).isFalse();
        assertThat(openApi.at("/paths/~1api~1v1~1deals~1{externalId}/delete").isMissingNode()).isFalse();
        assertThat(openApi.at("/components/securitySchemes/partnerApiKey/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void shouldServeSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void shouldBeReadyWhileTheBrokerAnswersAndTheProducerKnowsTheDealTopic() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("kafka"))
                // the event-loop path never waits for metadata once ready
                .body("checks.find { it.name == 'kafka' }.data.partitions", greaterThan(0));
    }

    @Test
    void shouldCountAcceptedAndRejectedDealsAndTimeThePublishing() {
        Partners.asReex().body(Deals.json(Deals.defaultDeal())).post("/api/v1/deals").then().statusCode(202);
        Partners.as("wrong").body(Deals.json(Deals.defaultDeal())).post("/api/v1/deals").then().statusCode(401);
        Partners.asReex().body("{}").post("/api/v1/deals").then().statusCode(400);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains("dealwire_ingest_events_accepted_total{type=\"deal.submitted\"}")
                .contains("dealwire_ingest_rejected_total{reason=\"unauthorized\"}")
                .contains("dealwire_ingest_rejected_total{reason=\"invalid\"}")
                .contains("dealwire_ingest_publish_seconds_count{outcome=\"acked\"}");
    }
}
