package io.dealwire.ingest;

import static io.dealwire.ingest.DealTopic.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealIds;
import io.dealwire.contract.DealJson;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The seed week through the API: key, value and headers of each record, and the id rules. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class SeedWeekPublishingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void shouldPublishEachSeedDealPostedOneByOneWithKeyValueAndHeaders() {
        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        for (ObjectNode seed : Deals.seedWeek()) {
            JsonPath answer = Partners.asReex().body(Deals.json(seed)).post("/api/v1/deals")
                    .then().statusCode(202).extract().jsonPath();
            String externalId = seed.get("externalId").asText();
            UUID dealId = DealIds.dealId(Partners.REEX, externalId);
            assertThat(answer.getString("dealId")).isEqualTo(dealId.toString());

            ConsumerRecord<String, String> record = lastSubmission(topic, dealId, answer.getString("eventId"));
            assertRecordOf(record, Partners.REEX, seed, dealId, answer.getString("eventId"));
        }
    }

    @Test
    void shouldPublishTheSeedWeekPostedAsOneBatch() {
        ArrayNode batch = DealJson.newMapper().createArrayNode();
        List<ObjectNode> seeds = Deals.seedWeek();
        seeds.forEach(batch::add);

        JsonPath answer = Partners.asAcme().body(batch.toString()).post("/api/v1/deals/batch")
                .then().statusCode(200).extract().jsonPath();

        assertThat(answer.getInt("accepted")).isEqualTo(9);
        assertThat(answer.getInt("rejected")).isZero();
        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        for (int i = 0; i < seeds.size(); i++) {
            ObjectNode seed = seeds.get(i);
            UUID dealId = DealIds.dealId(Partners.ACME, seed.get("externalId").asText());
            assertThat(answer.getInt("results[" + i + "].index")).isEqualTo(i);
            assertThat(answer.getString("results[" + i + "].status")).isEqualTo("ACCEPTED");
            assertThat(answer.getString("results[" + i + "].externalId")).isEqualTo(seed.get("externalId").asText());
            assertThat(answer.getString("results[" + i + "].dealId")).isEqualTo(dealId.toString());
            String eventId = answer.getString("results[" + i + "].eventId");
            assertRecordOf(lastSubmission(topic, dealId, eventId), Partners.ACME, seed, dealId, eventId);
        }
    }

    @Test
    void shouldGiveTheSameIdsToAnIdenticalRetry() {
        String body = Deals.json(Deals.seedWeek().get(1));
        JsonPath first = Partners.asReex().body(body).post("/api/v1/deals").then().statusCode(202).extract().jsonPath();
        JsonPath retry = Partners.asReex().body(body).post("/api/v1/deals").then().statusCode(202).extract().jsonPath();

        assertThat(retry.getString("dealId")).isEqualTo(first.getString("dealId"));
        assertThat(retry.getString("eventId")).isEqualTo(first.getString("eventId"));
    }

    @Test
    void shouldGiveTheSameEventIdWhateverTheFieldOrderAndSpacing() {
        ObjectNode deal = Deals.defaultDeal();
        String compact = deal.toString();
        ObjectNode reordered = DealJson.newMapper().createObjectNode();
        List<String> names = new ArrayList<>();
        deal.fieldNames().forEachRemaining(names::add);
        Collections.reverse(names);
        names.forEach(name -> reordered.set(name, deal.get(name)));
        String pretty = reordered.toPrettyString();
        String first = Partners.asReex().body(compact).post("/api/v1/deals").then().statusCode(202).extract().path("eventId");
        String second = Partners.asReex().body(pretty).post("/api/v1/deals").then().statusCode(202).extract().path("eventId");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldGiveANewEventIdButTheSameDealIdToARevision() {
        ObjectNode deal = Deals.defaultDeal();
        JsonPath first = Partners.asReex().body(deal.toString()).post("/api/v1/deals").then().statusCode(202).extract().jsonPath();
        deal.put("jobs", 750);
        JsonPath revision = Partners.asReex().body(deal.toString()).post("/api/v1/deals").then().statusCode(202).extract().jsonPath();

        assertThat(revision.getString("dealId")).isEqualTo(first.getString("dealId"));
        assertThat(revision.getString("eventId")).isNotEqualTo(first.getString("eventId"));
    }

    @Test
    void shouldGiveTwoPartnersWithTheSameExternalIdDifferentDeals() {
        String body = Deals.json(Deals.defaultDeal("shared-external-id-" + UUID.randomUUID()));
        String reexDeal = Partners.asReex().body(body).post("/api/v1/deals").then().statusCode(202).extract().path("dealId");
        String acmeDeal = Partners.asAcme().body(body).post("/api/v1/deals").then().statusCode(202).extract().path("dealId");

        assertThat(acmeDeal).isNotEqualTo(reexDeal);
    }

    @Test
    void shouldDefaultReportedOnToTheUtcDayOfReceipt() {
        ObjectNode deal = Deals.defaultDeal();
        deal.remove("reportedOn");
        String dealId = Partners.asReex().body(deal.toString()).post("/api/v1/deals")
                .then().statusCode(202).extract().path("dealId");

        ConsumerRecord<String, String> record = new DealTopic(kafka.getBootstrapServers())
                .withKey(UUID.fromString(dealId)).get(0);
        DealEvent event = DealJson.readEvent(record.value());
        LocalDate receivedOn = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        assertThat(event.deal().reportedOn()).isEqualTo(receivedOn);
        assertThat(header(record, "dw_week")).isEqualTo(isoWeek(receivedOn));
    }

    @Test
    void shouldContinueTheCallersTraceOnTheRecord() {
        String traceparent = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
        String dealId = Partners.asReex().header("traceparent", traceparent).body(Deals.json(Deals.defaultDeal()))
                .post("/api/v1/deals").then().statusCode(202).extract().path("dealId");

        String published = header(new DealTopic(kafka.getBootstrapServers()).withKey(UUID.fromString(dealId)).get(0),
                "traceparent");
        assertThat(published).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").isNotEqualTo(traceparent);
    }

    private static ConsumerRecord<String, String> lastSubmission(DealTopic topic, UUID dealId, String eventId) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(topic.withKey(dealId));
        records.removeIf(r -> !eventId.equals(header(r, "ce_id")));
        assertThat(records).as("records of deal %s with event %s", dealId, eventId).isNotEmpty();
        return records.get(records.size() - 1);
    }

    private static void assertRecordOf(ConsumerRecord<String, String> record, String partnerId, ObjectNode seed,
            UUID dealId, String eventId) {
        assertThat(record.key()).isEqualTo(dealId.toString());

        JsonNode value = DealJson.readTree(record.value());
        assertThat(value.get("eventId").asText()).isEqualTo(eventId);
        assertThat(value.get("type").asText()).isEqualTo("deal.submitted");
        assertThat(value.get("dealId").asText()).isEqualTo(dealId.toString());
        assertThat(value.get("partnerId").asText()).isEqualTo(partnerId);
        assertThat(value.get("externalId").asText()).isEqualTo(seed.get("externalId").asText());
        Instant occurredAt = Instant.parse(value.get("occurredAt").asText());
        Deal sent = DealJson.readDeal(seed);
        Deal published = DealJson.readDeal(value.get("deal"));
        assertThat(DealJson.canonical(published)).isEqualTo(DealJson.canonical(sent));

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(eventId);
        assertThat(header(record, "ce_type")).isEqualTo("deal.submitted");
        assertThat(header(record, "ce_source")).isEqualTo("/partners/" + partnerId);
        assertThat(header(record, "ce_subject")).isEqualTo(dealId.toString());
        assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(occurredAt);
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        assertThat(header(record, "dw_stage")).isEqualTo(seed.get("stage").asText());
        assertThat(header(record, "dw_deal_type")).isEqualTo(seed.get("dealType").asText());
        assertThat(header(record, "dw_countries")).isEqualTo(countries(seed));
        assertThat(header(record, "dw_week")).isEqualTo(isoWeek(LocalDate.parse(seed.get("reportedOn").asText())));
    }

    private static String countries(ObjectNode seed) {
        TreeSet<String> countries = new TreeSet<>();
        seed.get("parties").forEach(p -> countries.add(p.get("country").asText()));
        if (seed.has("location")) {
            countries.add(seed.get("location").get("country").asText());
        }
        return String.join(",", countries);
    }

    private static String isoWeek(LocalDate date) {
        return String.format("%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
