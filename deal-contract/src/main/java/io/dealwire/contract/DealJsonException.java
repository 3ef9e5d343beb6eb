package io.dealwire.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A deal or event that is not the right JSON: malformed, a wrong type, an unknown field. Carries
 * the field path ({@code parties[0].role}, empty for the whole document) and a reason worded for
 * partners (no Java class names), ready for a problem+json field error or a dead-letter header.
 */
public final class DealJsonException extends RuntimeException {

    private final String path;

    public DealJsonException(String path, String reason, Throwable cause) {
        super(reason, cause);
        this.path = path;
    }

    /** The JSON path of the offending field, e.g. {@code parties[0].role}; empty for the document. */
    public String path() {
        return path;
    }

    /** What is wrong, e.g. {@code unrecognized field}. */
    public String reason() {
        return getMessage();
    }

    static DealJsonException of(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !(e instanceof MismatchedInputException mi && isTrailing(mi))) {
            String path = pathOf(m);
            if (m instanceof UnrecognizedPropertyException u) {
                String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                        .map(String::valueOf).sorted().collect(Collectors.joining(", ", "; known fields: ", ""));
                return new DealJsonException(path, "unrecognized field" + known, e);
            }
            if (m instanceof MismatchedInputException mi && mi.getTargetType() != null && !path.isEmpty()) {
                return new DealJsonException(path, "must be " + describe(mi.getTargetType()), e);
            }
            if (m instanceof InvalidFormatException || m instanceof MismatchedInputException) {
                return new DealJsonException(path, path.isEmpty() ? "must be a JSON object" : "has a wrong type", e);
            }
            if (m.getCause() instanceof InputCoercionException c && c.getTargetType() != null) {
                return new DealJsonException(path, "must be " + describe(c.getTargetType()) + " in range", e);
            }
            if (!path.isEmpty()) {
                return new DealJsonException(path, "has an invalid value", e);
            }
        }
        if (e instanceof InputCoercionException c && c.getTargetType() != null) {
            return new DealJsonException(parserPath(c), "must be " + describe(c.getTargetType()) + " in range", e);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String detail = e.getOriginalMessage();
        if (detail != null && detail.startsWith("Duplicate field")) {
            return new DealJsonException("", "duplicate field" + detail.substring("Duplicate field".length())
                    + where, e);
        }
        return new DealJsonException("", "malformed JSON" + where, e);
    }

    private static boolean isTrailing(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Trailing token");
    }

    /** Where the parser stood, for errors raised below data binding (numbers out of range). */
    private static String parserPath(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> DealJson.toTree(c).asText())
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "an ISO date YYYY-MM-DD that exists in the calendar";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2025-09-08T10:15:30Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
