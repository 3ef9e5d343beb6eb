package io.dealwire.ingest.publish;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} for the records of one request. A valid incoming header
 * keeps its trace id and flags, with a new span id for our publish span (so the trace follows the
 * deal from the partner's call); a missing or invalid one starts a new trace, as the spec requires.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    private static final Pattern HEADER = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);
    private static final String SAMPLED = "01";

    /** Continues the caller's trace when {@code header} is a valid version-00 traceparent, else starts one. */
    public static TraceParent continueOrStart(String header) {
        Matcher m = header == null ? null : HEADER.matcher(header.trim());
        if (m != null && m.matches() && !m.group(1).equals(INVALID_TRACE_ID) && !m.group(2).equals(INVALID_SPAN_ID)) {
            return new TraceParent(m.group(1), newSpanId(), m.group(3));
        }
        return new TraceParent(randomHex(16), newSpanId(), SAMPLED);
    }

    /** The header value, {@code 00-<trace id>-<span id>-<flags>}. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String newSpanId() {
        String id;
        do {
            id = randomHex(8);
        } while (id.equals(INVALID_SPAN_ID));
        return id;
    }

    private static String randomHex(int bytes) {
        // Trace ids must be unique, not secret: ThreadLocalRandom, as OpenTelemetry's Java SDK uses. The
        // default SecureRandom reads /dev/urandom under a global lock on every request.
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
