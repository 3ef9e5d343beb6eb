package io.dealwire.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of deals and events: one strictly configured mapper for partners' input and Kafka.
 * Strict because a partner's typo or wrong type must be a 400, never a silently dropped or
 * guessed value (PRODUCT.md: "Unknown fields are rejected").
 *
 * <p>Apps with their own mapper (Quarkus) apply {@link #configure} in an {@code ObjectMapperCustomizer}.
 * Read helpers throw {@link DealJsonException} carrying the field path and a partner-friendly reason.
 */
public final class DealJson {

    private static final ObjectMapper MAPPER = newMapper();

    private DealJson() {
    }

    /** A new mapper configured by {@link #configure}. */
    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }

    /**
     * Applies the contract's settings to {@code mapper} and returns it: unknown properties, duplicate
     * keys, trailing content, numbers for enums and scalar coercions ({@code "5"} for 5, 5.0 for 5,
     * 1 for "1", "" for an object) all fail; dates and instants are ISO strings; nulls are omitted;
     * decimals are read as BigDecimal and written plainly (no exponent).
     */
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the only way for Quarkus' instance
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                JsonInclude.Include.NON_NULL));
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE,
                DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, false);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        // Trees keep decimals as written (223000000 stays 223000000, not 2.23E+8); canonical() normalizes.
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    public static Deal readDeal(String json) {
        try {
            return present(MAPPER.readValue(json, Deal.class));
        } catch (JsonProcessingException e) {
            throw DealJsonException.of(e);
        }
    }

    public static Deal readDeal(byte[] json) {
        try {
            return present(MAPPER.readValue(json, Deal.class));
        } catch (JsonProcessingException e) {
            throw DealJsonException.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For batches: parse the array once, then read each item on its own to report per item. */
    public static Deal readDeal(JsonNode json) {
        try {
            return present(MAPPER.treeToValue(json, Deal.class));
        } catch (JsonProcessingException e) {
            throw DealJsonException.of(e);
        }
    }

    public static DealEvent readEvent(String json) {
        try {
            return present(MAPPER.readValue(json, DealEvent.class));
        } catch (JsonProcessingException e) {
            throw DealJsonException.of(e);
        }
    }

    /** Reads a Kafka record value (UTF-8 JSON). */
    public static DealEvent readEvent(byte[] json) {
        try {
            return present(MAPPER.readValue(json, DealEvent.class));
        } catch (JsonProcessingException e) {
            throw DealJsonException.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses any JSON (e.g. a batch array) with the same strictness (duplicate keys, trailing content). */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw DealJsonException.of(e);
        }
    }

    public static String write(Deal deal) {
        return writeString(deal);
    }

    public static String write(DealEvent event) {
        return writeString(event);
    }

    /** A Kafka record value: UTF-8 JSON. */
    public static byte[] writeBytes(DealEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * The canonical JSON of a deal: keys sorted, no whitespace, nulls omitted, decimals without
     * trailing zeros or exponent (500000000.00 and 5E+8 both give 500000000). Equal content gives
     * equal text whatever the partner's field order, spacing or number spelling; input to
     * {@link DealIds#eventId}.
     */
    public static String canonical(Deal deal) {
        return new String(canonicalBytes(deal), StandardCharsets.UTF_8);
    }

    /** {@link #canonical} as UTF-8, without the detour through a String (the ingest hashes it). */
    public static byte[] canonicalBytes(Deal deal) {
        return CanonicalJson.write(deal);
    }

    /** A document that is just {@code null} binds to null; it is not a deal. */
    private static <T> T present(T value) {
        if (value == null) {
            throw new DealJsonException("", "must be a JSON object", null);
        }
        return value;
    }

    private static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
