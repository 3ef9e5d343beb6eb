package io.dealwire.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DealIdsTest {

    private static final String SHUFFLED_DEFAULT_DEAL = """
            { "tags": ["mine-to-magnet", "cross-border"], "jobs": 500,
              "value": {"currency": "USD", "amount": 223000000.00},
              "capacity": {"unit": "t/y", "amount": 3E+3},
              "sources": ["https://rareearthexchanges.com/news/weekly-deal-update"],
              "expectedStart": "2027", "products": ["NdFeB magnets"], "elements": ["Nd", "Pr"],
              "location": {"country": "US", "place": "Columbus, Georgia"},
              "parties": [{"role": "DEVELOPER", "country": "KR", "name": "JS Link"},
                          {"country": "US", "name": "Columbus Economic Development", "role": "PARTNER"}],
              "reportedOn": "2025-09-11", "announcedOn": "2025-09-02", "stage": "DOWNSTREAM",
              "dealType": "FACILITY",
              "summary": "South Korea's JS Link plans a plant with 3,000 tonnes per year.\\nOpening 2027.",
              "headline": "JS Link announces a $223 million NdFeB magnet plant in Columbus, Georgia",
              "externalId": "reex-2025-09-02-jslink-columbus-magnets" }
            """;

    @Test
    void shouldGiveTheSameIdsForTheSameInput() {
        assertThat(DealIds.dealId("reex", "a-1")).isEqualTo(DealIds.dealId("reex", "a-1"));
        assertThat(eventId(Deals.valid())).isEqualTo(eventId(Deals.valid()));
    }

    @Test
    void shouldMakeVersion5Uuids() {
        UUID id = DealIds.dealId("reex", "a-1");

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void shouldKeepIdsStableAcrossReleases() {
        // Pinned: a change here would re-key every deal on the compacted topic.
        assertThat(DealIds.nameBased(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
                .hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d"); // RFC 9562 / Python uuid5(NAMESPACE_DNS)
        assertThat(DealIds.dealId("reex", "reex-2025-09-08-pakistan-usa-minerals"))
                .isEqualTo(DealIds.nameBased(DealIds.DEAL_NAMESPACE, "reex\u0000reex-2025-09-08-pakistan-usa-minerals"));
    }

    @Test
    void shouldGiveANewEventIdWhenContentChanges() {
        Deal revised = Deals.validBuilder().headline("JS Link raises its Columbus plant to $250 million").build();

        assertThat(eventId(revised)).isNotEqualTo(eventId(Deals.valid()));
        assertThat(DealIds.dealId("reex", revised.externalId())).isEqualTo(DealIds.dealId("reex", Deals.DEFAULT_EXTERNAL_ID));
    }

    @Test
    void shouldGiveDifferentDealIdsToTwoPartnersWithTheSameExternalId() {
        assertThat(DealIds.dealId("reex", "a-1")).isNotEqualTo(DealIds.dealId("mining-wire", "a-1"));
        assertThat(DealIds.eventId(EventType.SUBMITTED, "reex", "a-1", "{}"))
                .isNotEqualTo(DealIds.eventId(EventType.SUBMITTED, "mining-wire", "a-1", "{}"));
    }

    @Test
    void shouldNotLetNamePartsRunTogether() {
        assertThat(DealIds.dealId("ab", "c")).isNotEqualTo(DealIds.dealId("a", "bc"));
    }

    @Test
    void shouldIgnoreFieldOrderWhitespaceAndNumberSpelling() {
        Deal shuffled = DealJson.readDeal(SHUFFLED_DEFAULT_DEAL);

        assertThat(DealJson.canonical(shuffled)).isEqualTo(DealJson.canonical(Deals.valid()));
        assertThat(eventId(shuffled)).isEqualTo(eventId(Deals.valid()));
    }

    @Test
    void shouldWriteCanonicalJsonSortedCompactAndWithoutNulls() {
        Deal deal = Deals.validBuilder().summary(null).tags(null).sources(null).products(null).elements(null)
                .capacity(null).jobs(null).expectedStart(null).location(null).reportedOn(null).build();

        assertThat(DealJson.canonical(deal)).isEqualTo("{\"announcedOn\":\"2025-09-02\",\"dealType\":\"FACILITY\","
                + "\"externalId\":\"reex-2025-09-02-jslink-columbus-magnets\",\"headline\":\"" + Deals.DEFAULT_HEADLINE
                + "\",\"parties\":[{\"country\":\"KR\",\"name\":\"JS Link\",\"role\":\"DEVELOPER\"},"
                + "{\"country\":\"US\",\"name\":\"Columbus Economic Development\",\"role\":\"PARTNER\"}],"
                + "\"stage\":\"DOWNSTREAM\",\"value\":{\"amount\":223000000,\"currency\":\"USD\"}}");
    }

    @Test
    void shouldSeparateSubmissionsFromWithdrawals() {
        assertThat(DealIds.eventId(EventType.WITHDRAWN, "reex", "a-1", null))
                .isEqualTo(DealIds.eventId(EventType.WITHDRAWN, "reex", "a-1", null))
                .isNotEqualTo(DealIds.eventId(EventType.SUBMITTED, "reex", "a-1", null));
    }

    private static UUID eventId(Deal deal) {
        return DealIds.eventId(EventType.SUBMITTED, "reex", deal.externalId(), DealJson.canonical(deal));
    }

    @Test
    void shouldWriteEveryDecimalWithoutTrailingZerosOrExponent() {
        Deal deal = Deals.validBuilder().value(new Money(new BigDecimal("5E+8"), "USD"))
                .capacity(new Capacity(new BigDecimal("5000.50"), CapacityUnit.TONNES_PER_YEAR)).build();

        assertThat(DealJson.canonical(deal))
                .contains("\"value\":{\"amount\":500000000,\"currency\":\"USD\"}")
                .contains("\"capacity\":{\"amount\":5000.5,\"unit\":\"t/y\"}");
    }

    @Test
    void shouldDeriveTheSameEventIdFromCanonicalTextAndItsUtf8() {
        Deal deal = Deals.validBuilder().headline("Größte Magnetfabrik Europas – 2025").build();

        assertThat(DealIds.eventIdOfUtf8(EventType.SUBMITTED, "reex", "a-1", DealJson.canonicalBytes(deal)))
                .isEqualTo(DealIds.eventId(EventType.SUBMITTED, "reex", "a-1", DealJson.canonical(deal)));
    }
}
