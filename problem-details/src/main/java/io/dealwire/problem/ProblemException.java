package io.dealwire.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown by application code to answer with a problem, optionally with headers such as {@code Retry-After}. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, Object> headers = new LinkedHashMap<>();

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(int status, String detail) {
        this(Problem.of(status, detail));
    }

    public ProblemException withHeader(String name, Object value) {
        headers.put(name, value);
        return this;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, Object> headers() {
        return Map.copyOf(headers);
    }
}
