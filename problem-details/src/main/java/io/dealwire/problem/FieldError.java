package io.dealwire.problem;

/** One rejected input: where it is (a JSON path such as {@code parties[0].country}, or a parameter name) and why. */
public record FieldError(String field, String message) {
}
