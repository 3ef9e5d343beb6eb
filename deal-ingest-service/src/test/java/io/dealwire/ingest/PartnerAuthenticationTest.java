package io.dealwire.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dealwire.contract.DealIds;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
class PartnerAuthenticationTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldAnswer401WithoutAKeyAndPublishNothing() {
        String externalId = "no-key-" + UUID.randomUUID();
        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        long before = topic.size();

        given().contentType(ContentType.JSON).body(Deals.json(Deals.defaultDeal(externalId))).post("/api/v1/deals")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"dealwire\"")
                .body("status", equalTo(401));

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void shouldAnswer401ForAWrongKeyAndPublishNothing() {
        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        long before = topic.size();

        Partners.as("test-key-reex-3").body(Deals.json(Deals.defaultDeal())).post("/api/v1/deals")
                .then().statusCode(401).contentType("application/problem+json");
        Partners.as("").delete("/api/v1/deals/{id}", "anything").then().statusCode(401);
        given().header("Authorization", "Basic " + Partners.REEX_KEY).contentType(ContentType.JSON)
                .body(Deals.json(Deals.defaultDeal())).post("/api/v1/deals/batch").then().statusCode(401);

        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void shouldAuthenticateBeforeAnythingElse() {
        given().contentType(ContentType.TEXT).body("x").post("/api/v1/deals").then().statusCode(401);
        given().get("/api/v1/no-such-thing").then().statusCode(401);
    }

    @Test
    void shouldAcceptEveryKeyOfAPartnerDuringRotation() {
        String body = Deals.json(Deals.defaultDeal());
        String withFirst = Partners.as(Partners.REEX_KEY).body(body).post("/api/v1/deals")
                .then().statusCode(202).extract().path("eventId");
        String withSecond = Partners.as(Partners.REEX_ROTATED_KEY).body(body).post("/api/v1/deals")
                .then().statusCode(202).extract().path("eventId");

        assertThat(withSecond).isEqualTo(withFirst);
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceThePartnerExceedsItsRate() {
        // the throttled partner may make 1 request per minute: the second one in a row is over
        Response limited = null;
        for (int i = 0; i < 3 && limited == null; i++) {
            Response response = Partners.as(Partners.THROTTLED_KEY).body(Deals.json(Deals.defaultDeal()))
                    .post("/api/v1/deals");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(202);
            }
        }

        assertThat(limited).as("a 429 within three requests").isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void shouldDeriveTheDealIdFromTheAuthenticatedPartner() {
        String externalId = "derived-" + UUID.randomUUID();
        String dealId = Partners.asAcme().body(Deals.json(Deals.defaultDeal(externalId))).post("/api/v1/deals")
                .then().statusCode(202).extract().path("dealId");

        assertThat(dealId).isEqualTo(DealIds.dealId(Partners.ACME, externalId).toString());
    }
}
