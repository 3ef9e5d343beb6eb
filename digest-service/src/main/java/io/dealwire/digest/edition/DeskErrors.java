package io.dealwire.digest.edition;

import io.dealwire.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the API's field names ({@code sections.UPSTREAM}, {@code featured[0]}) onto the desk form's
 * fields ({@code note.UPSTREAM}, {@code deals}), so each message shows next to what the editor typed.
 */
final class DeskErrors {

    static final String DEALS = "deals";
    /** Anything that fits no field: shown above the form. */
    static final String FORM = "form";

    private DeskErrors() {
    }

    static Map<String, String> of(Collection<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> add(byField, formField(error.field()), error.message()));
        return byField;
    }

    static Map<String, String> ofViolations(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : violations) {
            String property = null;
            Object key = null;
            for (Path.Node node : violation.getPropertyPath()) {
                property = property == null ? node.getName() : property;
                key = node.getKey() != null ? node.getKey() : key;
            }
            String field = "sections".equals(property) && key != null ? "sections." + key : String.valueOf(property);
            add(byField, formField(field), message(field, violation));
        }
        return byField;
    }

    static String formField(String apiField) {
        if (apiField.startsWith("sections.")) {
            return DeskForm.NOTE + apiField.substring("sections.".length());
        }
        if (apiField.startsWith("featured") || apiField.startsWith("excluded")) {
            return DEALS;
        }
        return switch (apiField) {
            case "title", "intro", "outlook" -> apiField;
            default -> FORM;
        };
    }

    /** "size must be between 0 and 120" says little in a form; the limit in characters says it all. */
    private static String message(String field, ConstraintViolation<?> violation) {
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        if (max != null && !field.equals("featured") && !field.equals("excluded")) {
            return "at most " + max + " characters (this has " + length(violation.getInvalidValue()) + ")";
        }
        return violation.getMessage();
    }

    private static int length(Object value) {
        return value instanceof CharSequence text ? text.length() : 0;
    }

    private static void add(Map<String, String> byField, String field, String message) {
        byField.merge(field, message, (first, more) -> first + "; " + more);
    }
}
