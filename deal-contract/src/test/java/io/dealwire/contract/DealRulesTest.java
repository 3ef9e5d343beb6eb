package io.dealwire.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dealwire.contract.DealCases.DealCase;
import io.dealwire.contract.DealCases.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DealRulesTest {

    static List<DealCase> validCases() {
        return DealCases.valid();
    }

    static List<DealCase> invalidCases() {
        return DealCases.invalid();
    }

    @Test
    void shouldAcceptTheDefaultDeal() {
        assertThat(Checks.violations(Deals.valid())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCases")
    void shouldAcceptValidSample(DealCase sample) {
        Deal deal = DealJson.readDeal(sample.json());

        assertThat(Checks.violations(deal)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void shouldRejectInvalidSampleAtTheRightPath(DealCase sample) {
        if (sample.outcome() == Outcome.VIOLATION) {
            Deal deal = DealJson.readDeal(sample.json());
            assertThat(Checks.violationPaths(deal)).containsExactly(sample.path());
        } else {
            assertThatThrownBy(() -> DealJson.readDeal(sample.json()))
                    .isInstanceOfSatisfying(DealJsonException.class, e -> {
                        assertThat(e.path()).isEqualTo(sample.path());
                        assertThat(e.reason()).contains(sample.fragment());
                    });
        }
    }

    @Test
    void shouldWordCustomMessagesForPartners() {
        Deal deal = Deals.validBuilder()
                .parties(List.of(new Party("Acme", PartyRole.BUYER, "XX")))
                .value(new Money(java.math.BigDecimal.ONE, "ZZZ"))
                .sources(List.of("http://example.com"))
                .expectedStart("soon")
                .headline("a\u0007b")
                .build();

        assertThat(Checks.violations(deal)).containsExactly(
                "expectedStart: must be YYYY, YYYY-MM or an ISO date YYYY-MM-DD",
                "headline: must be plain text without control characters",
                "parties[0].country: must be an ISO 3166-1 alpha-2 country code (e.g. US, DE)",
                "sources[0].<list element>: must be an https URL with a host (e.g. https://example.com/news/1)",
                "value.currency: must be an ISO 4217 currency code (e.g. USD, EUR)");
    }

    @Test
    void shouldListKnownFieldsForAnUnknownOne() {
        assertThatThrownBy(() -> DealJson.readDeal("{\"headlin\": \"x\"}"))
                .isInstanceOfSatisfying(DealJsonException.class, e -> assertThat(e.reason())
                        .startsWith("unrecognized field; known fields: ")
                        .contains("headline", "externalId")
                        .doesNotContain("countries"));
    }

    @Test
    void shouldDeriveCountriesFromPartiesAndLocation() {
        Deal deal = Deals.validBuilder()
                .parties(List.of(new Party("VAC", PartyRole.CUSTOMER, "DE"),
                        new Party("Torngat Metals", PartyRole.SUPPLIER, "CA"),
                        new Party("Torngat Holdings", PartyRole.INVESTOR, "CA")))
                .location(new Location("Strange Lake, Quebec", "CA"))
                .build();

        assertThat(deal.countries()).containsExactly("CA", "DE");
        assertThat(Deals.validBuilder().location(null).build().countries()).containsExactly("KR", "US");
    }

    @Test
    void shouldKeepListsUnmodifiable() {
        assertThatThrownBy(() -> Deals.valid().tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
