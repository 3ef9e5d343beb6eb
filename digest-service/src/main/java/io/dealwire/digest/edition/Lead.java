package io.dealwire.digest.edition;

import io.dealwire.digest.issue.Theme;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The computed part of an issue's edition: a title line, an intro and one lead sentence per section
 * the issue has (in {@link Theme} order). Plain text: whoever renders it escapes it.
 */
public record Lead(String title, String intro, Map<Theme, String> sections) {

    public Lead {
        EnumMap<Theme, String> ordered = new EnumMap<>(Theme.class);
        ordered.putAll(sections);
        sections = Collections.unmodifiableMap(ordered);
    }
}
