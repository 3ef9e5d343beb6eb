package io.dealwire.digest.edition;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The desk's edition form as typed: kept as strings so a refused save shows the editor's own text
 * again. Fields: {@code title}, {@code intro}, {@code outlook}, {@code note.<THEME>} per section,
 * {@code deal.<dealId>} = normal / featured / excluded, and the hidden {@code version}.
 *
 * @param version the version the form was read at; null means "the version saved now" (after a conflict)
 */
public record DeskForm(String title, String intro, String outlook, Map<String, String> notes,
        Map<UUID, String> choices, String version) {

    public static final String FEATURED = "featured";
    public static final String EXCLUDED = "excluded";
    public static final String NORMAL = "normal";
    static final String NOTE = "note.";
    static final String DEAL = "deal.";

    /** The form filled from what is saved. */
    static DeskForm of(EditorFields saved, int version) {
        Map<UUID, String> choices = new LinkedHashMap<>();
        saved.featuredIds().forEach(id -> choices.put(id, FEATURED));
        saved.excludedIds().forEach(id -> choices.put(id, EXCLUDED));
        return new DeskForm(saved.title(), saved.intro(), saved.outlook(), new LinkedHashMap<>(saved.notes()),
                choices, String.valueOf(version));
    }

    /**
     * The form as posted. A {@code deal.} key that is not a UUID cannot come from our page; it is
     * dropped rather than refused, as it names no deal to keep.
     */
    static DeskForm of(MultivaluedMap<String, String> form) {
        Map<String, String> notes = new LinkedHashMap<>();
        Map<UUID, String> choices = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            String value = values.isEmpty() ? null : values.get(0);
            if (name.startsWith(NOTE)) {
                notes.put(name.substring(NOTE.length()), value);
            } else if (name.startsWith(DEAL)) {
                try {
                    choices.put(UUID.fromString(name.substring(DEAL.length())), value);
                } catch (IllegalArgumentException notADeal) {
                    // not from our form: nothing to keep
                }
            }
        });
        return new DeskForm(form.getFirst("title"), form.getFirst("intro"), form.getFirst("outlook"), notes, choices,
                form.getFirst("version"));
    }

    /** What {@link Editions#save} takes; blanks become "not set" there. */
    EditorFields fields() {
        List<UUID> featured = new ArrayList<>();
        List<UUID> excluded = new ArrayList<>();
        choices.forEach((id, choice) -> {
            if (FEATURED.equals(choice)) {
                featured.add(id);
            } else if (EXCLUDED.equals(choice)) {
                excluded.add(id);
            }
        });
        return new EditorFields(title, intro, outlook, notes, featured, excluded);
    }

    DeskForm atCurrentVersion() {
        return new DeskForm(title, intro, outlook, notes, choices, null);
    }

    public String note(String section) {
        return notes.get(section);
    }

    public String choice(UUID deal) {
        return choices.getOrDefault(deal, NORMAL);
    }
}
