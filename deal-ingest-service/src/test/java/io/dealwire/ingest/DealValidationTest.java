package io.dealwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dealwire.testsupport.InjectKafkaCompanion;
import io.dealwire.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the deal table: 400 problem+json naming the field, and nothing reaches the topic. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class DealValidationTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    static Stream<Arguments> brokenRules() {
        String dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        return Stream.of(
                rule("externalId is required", "externalId", d -> d.remove("externalId")),
                rule("externalId allows only A-Z a-z 0-9 . _ : -", "externalId", d -> d.put("externalId", "has space")),
                rule("externalId is at most 128", "externalId", d -> d.put("externalId", "x".repeat(129))),
                rule("headline is required", "headline", d -> d.remove("headline")),
                rule("headline is not blank", "headline", d -> d.put("headline", "   ")),
                rule("headline is at most 200", "headline", d -> d.put("headline", "h".repeat(201))),
                rule("headline is plain text", "headline", d -> d.put("headline", "line\u0007bell")),
                rule("summary is at most 4000", "summary", d -> d.put("summary", "s".repeat(4001))),
                rule("dealType is required", "dealType", d -> d.remove("dealType")),
                rule("dealType is one of the enum", "dealType", d -> d.put("dealType", "MERGER")),
                rule("stage is required", "stage", d -> d.remove("stage")),
                rule("stage is one of the enum", "stage", d -> d.put("stage", "SIDESTREAM")),
                rule("announcedOn is required", "announcedOn", d -> d.remove("announcedOn")),
                rule("announcedOn is not after tomorrow", "announcedOn", d -> d.put("announcedOn", dayAfterTomorrow)),
                rule("announcedOn is not before 1950", "announcedOn", d -> d.put("announcedOn", "1949-12-31")),
                rule("announcedOn is an ISO date", "announcedOn", d -> d.put("announcedOn", "2025-02-30")),
                rule("reportedOn is an ISO date", "reportedOn", d -> d.put("reportedOn", "10/09/2025")),
                rule("reportedOn is not after tomorrow", "reportedOn", d -> d.put("reportedOn", dayAfterTomorrow)),
                rule("parties are required", "parties", d -> d.remove("parties")),
                rule("parties has at least 1", "parties", d -> d.putArray("parties")),
                rule("parties has at most 20", "parties", d -> {
                    ArrayNode parties = d.putArray("parties");
                    for (int i = 0; i < 21; i++) {
                        parties.addObject().put("name", "Party " + i).put("role", "PARTNER").put("country", "US");
                    }
                }),
                rule("party name is required", "parties[0].name", d -> party(d).remove("name")),
                rule("party name is at most 120", "parties[0].name", d -> party(d).put("name", "n".repeat(121))),
                rule("party role is one of the enum", "parties[0].role", d -> party(d).put("role", "OWNER")),
                rule("party role is required", "parties[0].role", d -> party(d).remove("role")),
                rule("party country is alpha-2", "parties[0].country", d -> party(d).put("country", "USA")),
                rule("party country is required", "parties[0].country", d -> party(d).remove("country")),
                rule("location place is at most 120", "location.place",
                        d -> ((ObjectNode) d.get("location")).put("place", "p".repeat(121))),
                rule("location country is alpha-2", "location.country",
                        d -> ((ObjectNode) d.get("location")).put("country", "us")),
                rule("elements are rare earths only", "elements[0]", d -> d.putArray("elements").add("Fe")),
                rule("elements have no repeats", "elements", d -> d.putArray("elements").add("Nd").add("Nd")),
                rule("products has at most 10", "products", d -> fill(d.putArray("products"), 11, "p")),
                rule("a product is at most 60", "products[0]", d -> d.putArray("products").add("p".repeat(61))),
                rule("value amount is above 0", "value.amount", d -> value(d).put("amount", 0)),
                rule("value amount is at most 10^13", "value.amount",
                        d -> value(d).put("amount", new java.math.BigDecimal("10000000000000.01"))),
                rule("value currency is ISO 4217", "value.currency", d -> value(d).put("currency", "DOLLAR")),
                rule("capacity amount is above 0", "capacity.amount",
                        d -> ((ObjectNode) d.get("capacity")).put("amount", -1)),
                rule("capacity unit is t/y, kg/y or t", "capacity.unit",
                        d -> ((ObjectNode) d.get("capacity")).put("unit", "lb")),
                rule("jobs is at least 0", "jobs", d -> d.put("jobs", -1)),
                rule("jobs is an integer", "jobs", d -> d.put("jobs", "500")),
                rule("expectedStart is YYYY, YYYY-MM or a date", "expectedStart", d -> d.put("expectedStart", "soon")),
                rule("sources has at most 10", "sources", d -> fill(d.putArray("sources"), 11, "https://example.com/")),
                rule("a source is https", "sources[0]", d -> d.putArray("sources").add("http://example.com/news")),
                rule("a source is at most 2000", "sources[0]",
                        d -> d.putArray("sources").add("https://example.com/" + "a".repeat(1990))),
                rule("tags has at most 20", "tags", d -> fill(d.putArray("tags"), 21, "t")),
                rule("a tag is at most 40", "tags[0]", d -> d.putArray("tags").add("t".repeat(41))),
                rule("unknown fields are rejected", "headlin", d -> d.put("headlin", "typo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void shouldAnswer400NamingTheFieldAndPublishNothing(String rule, String field, Consumer<ObjectNode> breakIt) {
        ObjectNode deal = Deals.defaultDeal();
        breakIt.accept(deal);
        DealTopic topic = new DealTopic(kafka.getBootstrapServers());
        long before = topic.size();

        Partners.asReex().body(Deals.json(deal)).post("/api/v1/deals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body(not(containsString("io.dealwire")), not(containsString("Exception")));

        // tests run one at a time and only requests publish: an unchanged end offset means nothing was written
        assertThat(topic.size()).isEqualTo(before);
    }

    @Test
    void shouldAnswer400ForMalformedJson() {
        Partners.asReex().body("{\"externalId\": ").post("/api/v1/deals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("malformed JSON"));
    }

    @Test
    void shouldAnswer400ForAnEmptyBody() {
        Partners.asReex().post("/api/v1/deals")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer400ForAnInvalidExternalIdOnWithdrawal() {
        Partners.asReex().delete("/api/v1/deals/{id}", "bad id!")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("externalId"));
    }

    private static Arguments rule(String rule, String field, Consumer<ObjectNode> breakIt) {
        return Arguments.of(rule, field, breakIt);
    }

    private static ObjectNode party(ObjectNode deal) {
        return (ObjectNode) deal.get("parties").get(0);
    }

    private static ObjectNode value(ObjectNode deal) {
        return (ObjectNode) deal.get("value");
    }

    private static void fill(ArrayNode array, int count, String prefix) {
        for (int i = 0; i < count; i++) {
            array.add(prefix + i);
        }
    }
}
