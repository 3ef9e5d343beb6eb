package io.dealwire.contract;

/** Kafka topic and consumer-group names (PRODUCT.md, "Events on Kafka"). */
public final class Topics {

    /** Deal events; key = dealId, value = {@link DealEvent} JSON. Compactable: each event holds the whole deal. */
    public static final String DEALS = "dealwire.deals.v1";
    /** One record per digest issue sent; key = ISO week ({@code 2025-W37}). */
    public static final String DIGESTS = "dealwire.digests.v1";

    /** Consumer group of deal-catalog-service. */
    public static final String CATALOG_GROUP = "deal-catalog";
    /** Consumer group of digest-service. */
    public static final String DIGEST_GROUP = "digest";

    private static final String DLQ_PREFIX = DEALS + ".dlq.";

    private Topics() {
    }

    /** The dead-letter topic of a consumer group, e.g. {@code dealwire.deals.v1.dlq.deal-catalog}. */
    public static String dlq(String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("consumer group must not be blank");
        }
        return DLQ_PREFIX + group;
    }
}
