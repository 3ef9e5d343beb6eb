package io.dealwire.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The nine deals of the seed article (shared/data/week-2025-W37.json) are what partners really send. */
class WeekDataTest {

    /** Where the shared copy lives when the repo sits beside shared/ (developers, CI); tests run in the module dir. */
    private static final Path SHARED = Path.of("../../shared/data/week-2025-W37.json");

    static List<JsonNode> deals() {
        List<JsonNode> deals = new ArrayList<>();
        weekData().forEach(deals::add);
        return deals;
    }

    @Test
    void shouldBeACopyOfTheSharedFile() throws IOException {
        assumeTrue(Files.exists(SHARED), "shared/ is not beside the repository");

        assertThat(weekData()).isEqualTo(Checks.PLAIN.readTree(SHARED.toFile()));
    }

    @Test
    void shouldHoldNineDealsOfWeek37() {
        List<JsonNode> deals = deals();

        assertThat(deals).hasSize(9);
        assertThat(deals).allSatisfy(d -> assertThat(IsoWeek.of(DealJson.readDeal(d.toString()).reportedOn()))
                .hasToString("2025-W37"));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("deals")
    void shouldValidateWithoutViolations(JsonNode json) {
        Deal deal = DealJson.readDeal(json.toString());

        assertThat(Checks.violations(deal)).isEmpty();
        assertThat(Checks.schemaErrors(Checks.DEAL_SCHEMA, json)).isEmpty();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("deals")
    void shouldRoundTripUnchanged(JsonNode json) {
        Deal deal = DealJson.readDeal(json.toString());

        assertThat(Checks.tree(DealJson.write(deal))).isEqualTo(json);
    }

    private static JsonNode weekData() {
        try (InputStream in = WeekDataTest.class.getResourceAsStream("/week-2025-W37.json")) {
            return Checks.PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
