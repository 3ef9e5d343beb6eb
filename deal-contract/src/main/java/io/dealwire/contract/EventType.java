package io.dealwire.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** Type of a {@link DealEvent}; the JSON value is also the CloudEvents {@code ce_type}. */
public enum EventType {
    SUBMITTED("deal.submitted"),
    WITHDRAWN("deal.withdrawn");

    private final String json;

    EventType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static EventType fromJson(String json) {
        for (EventType t : values()) {
            if (t.json.equals(json)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a deal event type: " + json);
    }
}
