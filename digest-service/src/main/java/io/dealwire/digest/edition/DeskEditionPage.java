package io.dealwire.digest.edition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the desk's week page shows: the edition's state, the form (as saved or as typed), the
 * computed lead beside it, the week's deals with the editor's choice for each, messages and the preview.
 *
 * @param version  the version the form posts back (If-Match of the save)
 * @param saved    the version saved now (approve acts on it, not on unsaved text)
 * @param errors   form field ({@code title}, {@code intro}, {@code outlook}, {@code note.<THEME>}, {@code deals})
 *                 → message
 * @param notice   a success line ("Saved (version 3).") or null
 * @param alert    a problem with the whole form (conflict, sent) or null
 * @param previewText the email's plain-text part, or null when the issue would be empty
 * @param width    the preview's width in px (600, the email's own, or 390, a phone)
 */
public record DeskEditionPage(String week, String days, Edition.Status status, int version, int saved,
        String updatedBy, String updatedAt, EditionView.Computed computed, DeskForm form, List<Section> sections,
        List<DealRow> deals, Map<String, String> errors, String notice, String alert, String previewText, int width,
        String csrf) {

    /** One section of the issue: its note field with the computed sentence as the hint. */
    public record Section(String key, String title, String computed) {

        /** The form field of its note, also the key of its error. */
        public String field() {
            return DeskForm.NOTE + key;
        }
    }

    /** One deal of the week and the editor's choice for it. */
    public record DealRow(UUID id, String headline, String section, LocalDate reportedOn, String choice) {

        public boolean is(String value) {
            return value.equals(choice);
        }
    }

    public boolean readOnly() {
        return status == Edition.Status.SENT;
    }

    public boolean approvable() {
        return status == Edition.Status.DRAFT;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
