package io.dealwire.ingest;

import static io.dealwire.ingest.DealTopic.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.contract.DealIds;
import io.dealwire.contract.DealJson;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
class WithdrawalTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldPublishAWithdrawalOfTheOwnDeal() {
        String externalId = "withdraw-" + UUID.randomUUID();
        String dealId = Partners.asReex().body(Deals.json(Deals.defaultDeal(externalId))).post("/api/v1/deals")
                .then().statusCode(202).extract().path("dealId");

        JsonPath withdrawal = Partners.asReex().delete("/api/v1/deals/{id}", externalId)
                .then().statusCode(202).extract().jsonPath();

        assertThat(withdrawal.getString("dealId")).isEqualTo(dealId);
        List<ConsumerRecord<String, String>> records = new DealTopic(kafka.getBootstrapServers())
                .withKey(UUID.fromString(dealId));
        assertThat(records).hasSize(2);
        ConsumerRecord<String, String> last = records.get(1);
        JsonNode value = DealJson.readTree(last.value());
        assertThat(value.get("type").asText()).isEqualTo("deal.withdrawn");
        assertThat(value.get("eventId").asText()).isEqualTo(withdrawal.getString("eventId"));
        assertThat(value.get("partnerId").asText()).isEqualTo(Partners.REEX);
        assertThat(value.get("externalId").asText()).isEqualTo(externalId);
        assertThat(value.has("deal")).isFalse();
        assertThat(header(last, "ce_type")).isEqualTo("deal.withdrawn");
        assertThat(header(last, "ce_id")).isEqualTo(withdrawal.getString("eventId"));
        assertThat(header(last, "ce_subject")).isEqualTo(dealId);
        assertThat(header(last, "dw_stage")).isNull();
    }

    @Test
    void shouldNeverLetAnotherPartnerWithdrawTheDeal() {
        String externalId = "owned-by-reex-" + UUID.randomUUID();
        UUID reexDeal = UUID.fromString(Partners.asReex().body(Deals.json(Deals.defaultDeal(externalId)))
                .post("/api/v1/deals").then().statusCode(202).extract().path("dealId"));

        String acmeDeal = Partners.asAcme().delete("/api/v1/deals/{id}", externalId)
                .then().statusCode(202).extract().path("dealId");

        // acme named its own (non-existent) deal: the withdrawal is keyed and sourced as acme's
        assertThat(acmeDeal).isEqualTo(DealIds.dealId(Partners.ACME, externalId).toString()).isNotEqualTo(reexDeal.toString());
        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        assertThat(topic.withKey(reexDeal)).singleElement()
                .satisfies(r -> assertThat(header(r, "ce_type")).isEqualTo("deal.submitted"));
        assertThat(topic.withKey(UUID.fromString(acmeDeal))).singleElement().satisfies(r -> {
            assertThat(header(r, "ce_type")).isEqualTo("deal.withdrawn");
            assertThat(header(r, "ce_source")).isEqualTo("/partners/acme");
        });
        assertThat(topic.all()).noneMatch(r -> "deal.withdrawn".equals(header(r, "ce_type"))
                && reexDeal.toString().equals(header(r, "ce_subject")));
    }

    @Test
    void shouldGiveTheSameIdsToARepeatedWithdrawal() {
        String externalId = "withdraw-twice-" + UUID.randomUUID();
        JsonPath first = Partners.asReex().delete("/api/v1/deals/{id}", externalId).then().statusCode(202).extract().jsonPath();
        JsonPath again = Partners.asReex().delete("/api/v1/deals/{id}", externalId).then().statusCode(202).extract().jsonPath();

        assertThat(again.getString("eventId")).isEqualTo(first.getString("eventId"));
        assertThat(again.getString("dealId")).isEqualTo(first.getString("dealId"));
    }
}
