package io.dealwire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dealwire.contract.DealJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test data: the seed week and a DEFAULT deal to vary. */
public final class Deals {

    private Deals() {
    }

    /** The nine deals of week-2025-W37.json, as partners send them. */
    public static List<ObjectNode> seedWeek() {
        try (InputStream in = Deals.class.getResourceAsStream("/seed/week-2025-W37.json")) {
            ArrayNode array = (ArrayNode) DealJson.newMapper().readTree(in);
            List<ObjectNode> deals = new ArrayList<>();
            array.forEach(node -> deals.add((ObjectNode) node));
            return deals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid deal with every optional field set, under a fresh externalId. */
    public static ObjectNode defaultDeal() {
        return defaultDeal("test-" + UUID.randomUUID());
    }

    public static ObjectNode defaultDeal(String externalId) {
        ObjectNode deal = (ObjectNode) DealJson.newMapper().valueToTree(seedWeek().get(4)); // JS Link: most fields set
        deal.put("externalId", externalId);
        deal.putArray("sources").add("https://example.com/news/js-link-columbus");
        return deal;
    }

    public static String json(JsonNode node) {
        return node.toString();
    }
}
