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
 * payloads (a copy of shared/data/week-2025-W37.json).
 */
public final class DemoData {

    public static final String WEEK = "2025-W37";
    public static final String SUBSCRIBER_EMAIL = "demo.subscriber@dealwire.local";
    public static final String SUBSCRIBER_NAME = "Demo Subscriber";
    private static final String RESOURCE = "/demo/week-2025-W37.json";

    private DemoData() {
    }

    public static JsonNode week() {
        try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
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
