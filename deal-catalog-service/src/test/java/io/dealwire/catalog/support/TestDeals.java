package io.dealwire.catalog.support;

import com.fasterxml.jackson.core.type.TypeReference;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealEvent;
import io.dealwire.contract.DealJson;
import io.dealwire.contract.DealType;
import io.dealwire.contract.Money;
import io.dealwire.contract.Party;
import io.dealwire.contract.PartyRole;
import io.dealwire.contract.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Test data. The seed week (2025-W37) belongs to {@link #SEED_PARTNER}; every other test uses its
 * own partner and reports its deals after the seed week, so the seed week's figures (and its "new
 * countries") stay exactly those of the seed article.
 */
public final class TestDeals {

    public static final String SEED_PARTNER = "reex-seed";
    public static final String SEED_WEEK = "2025-W37";
    public static final Instant DEFAULT_OCCURRED_AT = Instant.parse("2025-09-12T08:00:00Z");
    /** A Monday well after the seed week, in 2025-W41. */
    public static final LocalDate DEFAULT_REPORTED_ON = LocalDate.parse("2025-10-06");
    public static final String DEFAULT_HEADLINE = "Lynas signs a heavy rare earth offtake";

    private TestDeals() {
    }

    public static List<Deal> seedDeals() {
        try (InputStream in = TestDeals.class.getResourceAsStream("/week-2025-W37.json")) {
            return DealJson.newMapper().readValue(in, new TypeReference<List<Deal>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<DealEvent> seedEvents() {
        return seedDeals().stream().map(d -> DealEvent.submitted(SEED_PARTNER, d, DEFAULT_OCCURRED_AT)).toList();
    }

    /** A partner id no other test uses. */
    public static String uniquePartner() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Deal deal(String externalId) {
        return deal(externalId, DEFAULT_HEADLINE, DEFAULT_REPORTED_ON);
    }

    public static Deal deal(String externalId, String headline, LocalDate reportedOn) {
        return new Deal(externalId, headline, "A default test deal.", DealType.OFFTAKE, Stage.MIDSTREAM,
                reportedOn.minusDays(1), reportedOn,
                List.of(new Party("Lynas Rare Earths", PartyRole.SUPPLIER, "AU"),
                        new Party("Test Buyer", PartyRole.BUYER, "JP")),
                null, null, List.of("separated oxides"), new Money(new BigDecimal("1000000"), "USD"),
                null, null, null, null, null);
    }

    public static DealEvent submitted(String partner, Deal deal) {
        return DealEvent.submitted(partner, deal, DEFAULT_OCCURRED_AT);
    }

    public static DealEvent withdrawn(String partner, String externalId) {
        return DealEvent.withdrawn(partner, externalId, DEFAULT_OCCURRED_AT.plusSeconds(3600));
    }
}
