package io.dealwire.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/** Unit of a capacity. JSON uses {@code t/y}, {@code kg/y} or {@code t}. */
public enum CapacityUnit {
    /** Tonnes per year. */
    TONNES_PER_YEAR("t/y"),
    /** Kilograms per year. */
    KILOGRAMS_PER_YEAR("kg/y"),
    /** Tonnes in total (a stockpile, a resource, a one-off delivery). */
    TONNES("t");

    private final String json;

    CapacityUnit(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static CapacityUnit fromJson(String json) {
        for (CapacityUnit u : values()) {
            if (u.json.equals(json)) {
                return u;
            }
        }
        throw new IllegalArgumentException("not a capacity unit: " + json);
    }
}
