package io.dealwire.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed week: the nine deals of Rare Earth Exchanges' Weekly Deal Update of 13 Sep 2025, as partner
 * payloads (a copy of shared/data/week-2025-W37.json); and an example editor's edition of it
 * (demo/edition-2025-W37.json).
 */
public final class DemoData {

    public static final String WEEK = "2025-W37";
    public static final String SUBSCRIBER_EMAIL = "demo.subscriber@dealwire.local";
    public static final String SUBSCRIBER_NAME = "Demo Subscriber";
    private static final String RESOURCE = "/demo/week-2025-W37.json";
    private static final String EDITION = "/demo/edition-2025-W37.json";

    private DemoData() {
    }

    public static JsonNode week() {
        return read(RESOURCE);
    }

    /**
     * The example editor's fields for the seed week (the body of {@code PUT .../edition}): a title, and
     * an intro and an outlook in the seed's own words, each signed "— the editor".
     */
    public static JsonNode edition() {
        return read(EDITION).path("editor");
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> headlines() {
        List<String> headlines = new ArrayList<>();
        week().forEach(deal -> headlines.add(deal.path("headline").asText()));
        return headlines;
    }
}
