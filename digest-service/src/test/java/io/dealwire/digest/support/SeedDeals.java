package io.dealwire.digest.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealIds;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test deals: the nine of the seed article (week 2025-W37) and small made-up ones. */
public final class SeedDeals {

    public static final String DEFAULT_PARTNER = "reex";
    public static final String SEED_WEEK = "2025-W37";

    private SeedDeals() {
    }

    /** The nine deals of the seed article, as partners send them. */
    public static List<Deal> seedWeek() {
        try (InputStream in = SeedDeals.class.getResourceAsStream("/week-2025-W37.json")) {
            JsonNode array = DealJson.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Deal> deals = new ArrayList<>();
            array.forEach(node -> deals.add(DealJson.readDeal(node)));
            return deals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deals keyed by their dealId (as the default partner's), in the given order. */
    public static Map<UUID, Deal> byId(List<Deal> deals) {
        Map<UUID, Deal> byId = new LinkedHashMap<>();
        deals.forEach(deal -> byId.put(DealIds.dealId(DEFAULT_PARTNER, deal.externalId()), deal));
        return byId;
    }

    /** A minimal valid deal: one US developer, no value. */
    public static Deal deal(String externalId, String headline, Stage stage, LocalDate reportedOn) {
        return new Deal(externalId, headline, null, DealType.AGREEMENT, stage, reportedOn, reportedOn,
                List.of(new Party("Acme Rare Earths", PartyRole.DEVELOPER, "US")), null, null, null, null, null,
                null, null, null, null);
    }

    public static Deal dealIn(String externalId, String headline, Stage stage, LocalDate reportedOn, String country) {
        return new Deal(externalId, headline, null, DealType.AGREEMENT, stage, reportedOn, reportedOn,
                List.of(new Party("Partner of " + externalId, PartyRole.PARTNER, country)), null, null, null,
                new Money(BigDecimal.valueOf(3_000_000), "EUR"), null, null, null, null, null);
    }
}
