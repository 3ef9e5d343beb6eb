package io.dealwire.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka header names of {@link Topics#DEALS} and its dead-letter topics, and the values for an event.
 * CloudEvents Kafka binding in binary mode (the value stays the plain event JSON), W3C trace
 * context, and plain {@code dw_*} headers operators can filter on in Kafka UIs without parsing JSON.
 */
public final class Headers {

    /** CloudEvents spec version, always {@value #CE_SPEC_VERSION}. */
    public static final String CE_SPECVERSION = "ce_specversion";
    /** = eventId. */
    public static final String CE_ID = "ce_id";
    /** = the event type's JSON value, {@code deal.submitted} or {@code deal.withdrawn}. */
    public static final String CE_TYPE = "ce_type";
    /** = {@code /partners/{partnerId}}. */
    public static final String CE_SOURCE = "ce_source";
    /** = dealId. */
    public static final String CE_SUBJECT = "ce_subject";
    /** = occurredAt, ISO-8601 UTC. */
    public static final String CE_TIME = "ce_time";
    /** Always {@value #APPLICATION_JSON}. */
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context, set by the producer's tracing, so one trace follows a deal end to end. */
    public static final String TRACEPARENT = "traceparent";

    /** The deal's stage, e.g. {@code MIDSTREAM}; absent on withdrawals. */
    public static final String DW_STAGE = "dw_stage";
    /** The deal's type, e.g. {@code OFFTAKE}; absent on withdrawals. */
    public static final String DW_DEAL_TYPE = "dw_deal_type";
    /** The deal's countries, sorted, comma-separated without spaces ({@code CA,DE}); absent on withdrawals. */
    public static final String DW_COUNTRIES = "dw_countries";
    /** ISO week of reportedOn ({@code 2025-W37}); absent on withdrawals. */
    public static final String DW_WEEK = "dw_week";

    /** Dead letters: a short human-readable reason ("unparseable JSON", "unknown event type"). */
    public static final String DLQ_REASON = "dw_dlq_reason";
    /** Dead letters: the exception class and message. */
    public static final String DLQ_EXCEPTION = "dw_dlq_exception";
    /** Dead letters: topic the record was read from. */
    public static final String DLQ_ORIGINAL_TOPIC = "dw_dlq_original_topic";
    /** Dead letters: its partition (decimal). */
    public static final String DLQ_ORIGINAL_PARTITION = "dw_dlq_original_partition";
    /** Dead letters: its offset (decimal). */
    public static final String DLQ_ORIGINAL_OFFSET = "dw_dlq_original_offset";
    /** Dead letters: the consumer group that gave up on it. */
    public static final String DLQ_GROUP = "dw_dlq_group";

    public static final String CE_SPEC_VERSION = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private Headers() {
    }

    /** The CloudEvents source of a partner's events. */
    public static String source(String partnerId) {
        return "/partners/" + partnerId;
    }

    /**
     * The header values of an event, in a stable order; {@code traceparent} is left to tracing.
     * Values are ASCII strings, to be written as UTF-8 bytes.
     */
    public static Map<String, String> of(DealEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CE_SPECVERSION, CE_SPEC_VERSION);
        headers.put(CE_ID, event.eventId().toString());
        headers.put(CE_TYPE, event.type().json());
        headers.put(CE_SOURCE, source(event.partnerId()));
        headers.put(CE_SUBJECT, event.dealId().toString());
        headers.put(CE_TIME, event.occurredAt().toString());
        headers.put(CONTENT_TYPE, APPLICATION_JSON);
        Deal deal = event.deal();
        if (deal != null) {
            headers.put(DW_STAGE, deal.stage().name());
            headers.put(DW_DEAL_TYPE, deal.dealType().name());
            headers.put(DW_COUNTRIES, String.join(",", deal.countries()));
            if (deal.reportedOn() != null) {
                headers.put(DW_WEEK, IsoWeek.of(deal.reportedOn()).toString());
            }
        }
        return headers;
    }
}
