package io.dealwire.digest.edition;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an editor writes for a week (PRODUCT.md "Editorial edition"): each field null until set.
 * Text fields are the Markdown subset of {@link EditorMarkdown}; section keys are {@code Theme} names.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EditorFields(
        @Size(max = 120) String title,
        @Size(max = 4000) String intro,
        @Size(max = 4000) String outlook,
        Map<String, @NotNull @Size(max = 2000) String> sections,
        @Size(max = 500) List<@NotNull UUID> featured,
        @Size(max = 500) List<@NotNull UUID> excluded) {

    public static final EditorFields NONE = new EditorFields(null, null, null, null, null, null);

    /** Blank text counts as not set, so clearing a field in a form gives the computed text back. */
    public EditorFields normalized() {
        Map<String, String> notes = null;
        if (sections != null) {
            notes = new LinkedHashMap<>();
            for (Map.Entry<String, String> note : sections.entrySet()) {
                if (!isBlank(note.getValue())) {
                    notes.put(note.getKey(), note.getValue().strip());
                }
            }
        }
        return new EditorFields(strip(title), strip(intro), strip(outlook), notes,
                featured == null ? null : List.copyOf(featured), excluded == null ? null : List.copyOf(excluded));
    }

    public List<UUID> featuredIds() {
        return featured == null ? List.of() : featured;
    }

    public List<UUID> excludedIds() {
        return excluded == null ? List.of() : excluded;
    }

    public Map<String, String> notes() {
        return sections == null ? Map.of() : sections;
    }

    private static String strip(String text) {
        return isBlank(text) ? null : text.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
