package io.dealwire.digest.edition;

import java.time.Instant;

/** One entry of {@code GET /api/v1/digests/{week}/edition/revisions}. */
public record RevisionView(int version, Edition.Status status, EditorFields editor, Instant savedAt, String savedBy) {
}
