package io.dealwire.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DealJsonTest {

    @Test
    void shouldWriteJsonNamesForEnums() {
        JsonNode json = DealJson.toTree(Deals.valid());

        assertThat(json.get("elements").toString()).isEqualTo("[\"Nd\",\"Pr\"]");
        assertThat(json.at("/capacity/unit").asText()).isEqualTo("t/y");
        assertThat(json.get("dealType").asText()).isEqualTo("FACILITY");
        assertThat(json.get("announcedOn").asText()).isEqualTo("2025-09-02");
    }

    @Test
    void shouldOmitNullsAndNeverWriteDerivedCountries() {
        String json = DealJson.write(Deals.validBuilder().summary(null).jobs(null).build());

        assertThat(json).doesNotContain("summary", "jobs", "null", "countries");
    }

    @Test
    void shouldWriteDecimalsPlainly() {
        ObjectNode node = Deals.validJson();
        ((ObjectNode) node.get("value")).put("amount", new BigDecimal("1E+13"));

        Deal deal = DealJson.readDeal(node.toString());

        assertThat(DealJson.write(deal)).contains("\"amount\":10000000000000,");
        assertThat(DealJson.write(Deals.validBuilder().value(new Money(new BigDecimal("0.10"), "EUR")).build()))
                .contains("\"amount\":0.10,");
    }

    @Test
    void shouldWriteEventsWithIsoInstantsAndTypeNames() {
        Instant at = Instant.parse("2025-09-11T08:30:00Z");
        JsonNode submitted = DealJson.toTree(DealEvent.submitted("reex", Deals.valid(), at));
        JsonNode withdrawn = Checks.tree(DealJson.write(DealEvent.withdrawn("reex", "x-1", at)));

        assertThat(submitted.get("type").asText()).isEqualTo("deal.submitted");
        assertThat(submitted.get("occurredAt").asText()).isEqualTo("2025-09-11T08:30:00Z");
        assertThat(submitted.get("deal").get("headline").asText()).isEqualTo(Deals.DEFAULT_HEADLINE);
        assertThat(withdrawn.get("type").asText()).isEqualTo("deal.withdrawn");
        assertThat(withdrawn.has("deal")).isFalse();
    }

    @Test
    void shouldRoundTripEvents() {
        DealEvent event = DealEvent.submitted("reex", Deals.valid(), Instant.parse("2025-09-11T08:30:00.5Z"));

        assertThat(DealJson.readEvent(DealJson.writeBytes(event))).isEqualTo(event);
        assertThat(DealJson.readEvent(DealJson.write(event))).isEqualTo(event);
    }

    @Test
    void shouldMakeAnyMapperStrict() {
        ObjectMapper mapper = DealJson.configure(new ObjectMapper());
        ObjectNode json = Deals.validJson();

        json.put("jobs", "5");
        assertThatThrownBy(() -> mapper.readValue(json.toString(), Deal.class)).isInstanceOf(MismatchedInputException.class);
        json.put("jobs", 5).put("colour", "red");
        assertThatThrownBy(() -> mapper.readValue(json.toString(), Deal.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void shouldReadBatchItemsOneByOne() {
        JsonNode batch = DealJson.readTree("[" + Deals.validJson() + ", {\"headline\": 1}]");

        assertThat(DealJson.readDeal(batch.get(0))).isEqualTo(Deals.valid());
        assertThatThrownBy(() -> DealJson.readDeal(batch.get(1)))
                .isInstanceOfSatisfying(DealJsonException.class, e -> assertThat(e.path()).isEqualTo("headline"));
    }

    @Test
    void shouldRejectEmptyBodies() {
        assertThatThrownBy(() -> DealJson.readDeal("")).isInstanceOf(DealJsonException.class);
        assertThatThrownBy(() -> DealJson.readDeal("null")).isInstanceOf(DealJsonException.class);
    }
}
