package io.dealwire.digest.edition;

import java.time.Instant;
import java.util.Map;

/** The answer of {@code GET /api/v1/digests/{week}/edition}, field for field as in PRODUCT.md. */
public record EditionView(String week, Edition.Status status, int version, Computed computed, EditorFields editor,
        Instant updatedAt, String updatedBy) {

    /** The lead written from the data; section keys only for sections the issue has. */
    public record Computed(String title, String intro, Map<String, String> sections) {
    }

    /** The strong ETag of a version: {@code "3"}. */
    public String etag() {
        return Editions.etag(version);
    }
}
