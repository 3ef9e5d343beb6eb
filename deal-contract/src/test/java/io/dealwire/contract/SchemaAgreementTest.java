package io.dealwire.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dealwire.contract.DealCases.DealCase;
import io.dealwire.contract.validation.IsoCodes;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records and the JSON Schema are two statements of one contract: they must give the same verdicts. */
class SchemaAgreementTest {

    static List<DealCase> samples() {
        return DealCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldGiveTheSameVerdictAsTheRecords(DealCase sample) {
        boolean recordsAccept = recordsAccept(sample.json());
        JsonNode tree;
        try {
            tree = Checks.tree(sample.json());
        } catch (IllegalArgumentException unparseable) {
            assertThat(recordsAccept).as("records on unparseable JSON").isFalse();
            return;
        }
        Set<String> schemaErrors = Checks.schemaErrors(Checks.DEAL_SCHEMA, tree);

        if (sample.schemaBlind() != null) {
            // The documented gap: only the records can tell (date relative to today, JSON syntax).
            assertThat(recordsAccept).as("records").isFalse();
            assertThat(schemaErrors).as("schema, blind because " + sample.schemaBlind()).isEmpty();
        } else {
            assertThat(schemaErrors.isEmpty()).as("schema accepts (errors: %s)", schemaErrors).isEqualTo(recordsAccept);
        }
    }

    @Test
    void shouldListExactlyTheJdkCountriesAndCurrencies() {
        JsonNode defs = Checks.DEAL_SCHEMA.getSchemaNode().get("$defs");

        assertThat(strings(defs.at("/country/enum"))).as("run the JDK's Locale.getISOCountries() into the schema")
                .isEqualTo(new TreeSet<>(IsoCodes.COUNTRIES));
        assertThat(strings(defs.at("/currency/enum"))).as("run the JDK's Currency.getAvailableCurrencies() into the schema")
                .isEqualTo(new TreeSet<>(IsoCodes.CURRENCIES));
    }

    @Test
    void shouldAcceptEventsWrittenByTheRecords() {
        Instant at = Instant.parse("2025-09-11T08:30:00.123456Z");
        DealEvent submitted = DealEvent.submitted(Deals.DEFAULT_PARTNER_ID, Deals.valid(), at);
        DealEvent withdrawn = DealEvent.withdrawn(Deals.DEFAULT_PARTNER_ID, Deals.DEFAULT_EXTERNAL_ID, at);

        for (DealEvent event : List.of(submitted, withdrawn)) {
            assertThat(Checks.violations(event)).isEmpty();
            assertThat(Checks.schemaErrors(Checks.EVENT_SCHEMA, Checks.tree(DealJson.write(event)))).isEmpty();
        }
    }

    @Test
    void shouldRejectInconsistentEventsInBoth() {
        Instant at = Instant.parse("2025-09-11T08:30:00Z");
        ObjectNode submitted = (ObjectNode) DealJson.toTree(DealEvent.submitted("reex", Deals.valid(), at));
        ObjectNode withdrawn = (ObjectNode) DealJson.toTree(DealEvent.withdrawn("reex", "x-1", at));
        ObjectNode withoutDeal = submitted.deepCopy();
        withoutDeal.remove("deal");
        ObjectNode withDeal = withdrawn.deepCopy();
        withDeal.set("deal", submitted.get("deal"));
        ObjectNode withoutReportedOn = submitted.deepCopy();
        ((ObjectNode) withoutReportedOn.get("deal")).remove("reportedOn");
        ObjectNode badPartner = withdrawn.deepCopy().put("partnerId", "acme.corp");
        ObjectNode unknownType = withdrawn.deepCopy().put("type", "deal.deleted");

        for (ObjectNode event : List.of(withoutDeal, withDeal, withoutReportedOn, badPartner, unknownType)) {
            assertThat(Checks.schemaErrors(Checks.EVENT_SCHEMA, event)).as(event.toString()).isNotEmpty();
            assertThat(eventAccepted(event.toString())).as(event.toString()).isFalse();
        }
    }

    private static boolean recordsAccept(String json) {
        try {
            return Checks.violations(DealJson.readDeal(json)).isEmpty();
        } catch (DealJsonException e) {
            return false;
        }
    }

    private static boolean eventAccepted(String json) {
        try {
            return Checks.violations(DealJson.readEvent(json)).isEmpty();
        } catch (DealJsonException e) {
            return false;
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> set = new TreeSet<>();
        array.forEach(n -> set.add(n.asText()));
        return set;
    }
}
