package io.dealwire.ingest.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The OpenAPI examples are what partners copy: they must be the seed's first deal and its real ids. */
class DealExamplesTest {

    private static final String PARTNER = "reex";
    private static final Instant ANY_TIME = Instant.parse("2025-09-08T10:00:00Z");

    @Test
    void shouldShowTheFirstDealOfTheSeedWeek() throws IOException {
        assertThat(DealJson.readTree(DealExamples.SEED_DEAL)).isEqualTo(seedWeek().get(0));
    }

    @Test
    void shouldShowTheIdsDealWireDerivesForTheExampleDeal() {
        Deal deal = DealJson.readDeal(DealExamples.SEED_DEAL);
        DealEvent submitted = DealEvent.submitted(PARTNER, deal, ANY_TIME);
        DealEvent withdrawn = DealEvent.withdrawn(PARTNER, deal.externalId(), ANY_TIME);

        assertThat(DealJson.readTree(DealExamples.ACCEPTED).get("dealId").asText())
                .isEqualTo(submitted.dealId().toString());
        assertThat(DealJson.readTree(DealExamples.ACCEPTED).get("eventId").asText())
                .isEqualTo(submitted.eventId().toString());
        assertThat(DealJson.readTree(DealExamples.WITHDRAWN).get("eventId").asText())
                .isEqualTo(withdrawn.eventId().toString());
    }

    private static JsonNode seedWeek() throws IOException {
        try (InputStream in = DealExamplesTest.class.getResourceAsStream("/seed/week-2025-W37.json")) {
            return DealJson.newMapper().readTree(in);
        }
    }
}
