package io.dealwire.ingest.metrics;

/** Why a request or a batch item was turned down; the {@code reason} tag of the rejection counter. */
public enum RejectionReason {
    INVALID("invalid"),
    UNAUTHORIZED("unauthorized"),
    RATE_LIMITED("rate_limited"),
    TOO_LARGE("too_large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
    BROKER_UNAVAILABLE("broker_unavailable"),
    OTHER("other");

    private final String tag;

    RejectionReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The reason of an error status on the partner API. */
    public static RejectionReason ofStatus(int status) {
        return switch (status) {
            case 400 -> INVALID;
            case 401 -> UNAUTHORIZED;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> BROKER_UNAVAILABLE;
            default -> OTHER;
        };
    }
}
