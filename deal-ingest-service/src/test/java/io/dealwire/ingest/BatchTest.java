package io.dealwire.ingest;

import static io.dealwire.ingest.DealTopic.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
class BatchTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldPublishTheValidItemsAndReportTheInvalidOnesEachOnItsOwn() {
        ObjectNode valid = Deals.defaultDeal();
        ObjectNode brokenRule = Deals.defaultDeal();
        brokenRule.remove("headline");
        ObjectNode typo = Deals.defaultDeal();
        typo.put("headlin", "typo");
        ObjectNode wrongType = Deals.defaultDeal();
        wrongType.put("jobs", "many");
        ObjectNode alsoValid = Deals.defaultDeal();
        ArrayNode batch = DealJson.newMapper().createArrayNode()
                .add(valid).add(brokenRule).add(typo).add("not a deal").add(wrongType).addNull().add(alsoValid);

        JsonPath answer = Partners.asReex().body(batch.toString()).post("/api/v1/deals/batch")
                .then().statusCode(200).extract().jsonPath();

        assertThat(answer.getInt("accepted")).isEqualTo(2);
        assertThat(answer.getInt("rejected")).isEqualTo(5);
        assertThat(answer.getInt("failed")).isZero();
        assertThat(answer.getList("results.status"))
                .containsExactly("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED");
        assertThat(answer.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(answer.getList("results[1].errors.field")).contains("headline");
        assertThat(answer.getList("results[2].errors.field")).contains("headlin");
        assertThat(answer.getList("results[4].errors.field")).contains("jobs");
        assertThat(answer.getString("results[1].externalId")).isEqualTo(brokenRule.get("externalId").asText());
        assertThat(answer.getString("results[1].dealId")).isNull();

        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        for (ObjectNode published : List.of(valid, alsoValid)) {
            assertThat(topic.withKey(dealIdOf(published))).hasSize(1);
        }
        for (ObjectNode rejected : List.of(brokenRule, typo, wrongType)) {
            assertThat(topic.withKey(dealIdOf(rejected))).isEmpty();
        }
    }

    @Test
    void shouldKeepTheOrderOfRevisionsOfOneDealWithinABatch() {
        ObjectNode first = Deals.defaultDeal();
        ObjectNode revised = first.deepCopy();
        revised.put("jobs", 900);
        ArrayNode batch = DealJson.newMapper().createArrayNode().add(first).add(revised);

        JsonPath answer = Partners.asReex().body(batch.toString()).post("/api/v1/deals/batch")
                .then().statusCode(200).body("accepted", equalTo(2)).extract().jsonPath();

        List<ConsumerRecord<String, String>> records = new DealTopic(kafka.getBootstrapServers()).withKey(dealIdOf(first));
        assertThat(records).extracting(r -> header(r, "ce_id"))
                .containsExactly(answer.getString("results[0].eventId"), answer.getString("results[1].eventId"));
    }

    @Test
    void shouldAnswer400ForAnEmptyBatch() {
        Partners.asReex().body("[]").post("/api/v1/deals/batch")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer400ForMoreThan1000Items() {
        ArrayNode batch = DealJson.newMapper().createArrayNode();
        for (int i = 0; i < 1001; i++) {
            batch.addObject();
        }
        Partners.asReex().body(batch.toString()).post("/api/v1/deals/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem("must hold 1 to 1000 deals, had 1001"));
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotAnArray() {
        Partners.asReex().body(Deals.json(Deals.defaultDeal())).post("/api/v1/deals/batch")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static UUID dealIdOf(ObjectNode deal) {
        return DealIds.dealId(Partners.REEX, deal.get("externalId").asText());
    }
}
