package io.dealwire.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns validation and JSON binding failures into {@link FieldError}s that name the field the way
 * a partner wrote it ({@code parties[0].country}), never a Java class or method.
 * Public so that endpoints validating items one by one (a batch) report them alike.
 */
public final class FieldErrors {

    private static final ObjectMapper JSON_NAMES = new ObjectMapper();

    private FieldErrors() {
    }

    public static List<FieldError> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(path(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .distinct()
                .toList();
    }

    public static FieldError of(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return new FieldError("", "malformed JSON" + location(e));
        }
        String field = path(mapping.getPath());
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldError(field, "unknown field");
        }
        if (e instanceof InvalidNullException) {
            return new FieldError(field, "must not be null");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new FieldError(field, "must be one of " + enumValues(invalid.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(field, "must be " + describe(mismatched.getTargetType()));
        }
        return new FieldError(field, "has an invalid value");
    }

    /** True when a violation is about a method's return value: the server's fault, never the caller's. */
    public static boolean concernsReturnValue(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
    }

    /** {@code create.deal.parties[0].country} becomes {@code parties[0].country}; {@code list.week} becomes {@code week}. */
    static String path(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE
                    || (node.getKind() == ElementKind.PARAMETER && !last)) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.toString();
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (Iterator<JsonMappingException.Reference> it = references.iterator(); it.hasNext(); ) {
            JsonMappingException.Reference ref = it.next();
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String enumValues(Class<?> type) {
        // what a partner must write: the @JsonValue / @JsonProperty form (e.g. "t/y", "Nd"), not the Java name
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> JSON_NAMES.convertValue(constant, String.class))
                .collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName().replace("Local", "").toLowerCase();
        }
        return "an object";
    }
}
