package io.dealwire.digest.edition;

import io.dealwire.contract.Deal;
import io.dealwire.digest.issue.Prose;
import io.dealwire.digest.issue.Theme;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The written parts of one issue (or one subscriber's share of it): the editor's where given, else
 * the lead computed from the deals. The outlook is the editor's only; featured deals are those of
 * {@code deals} the editor featured, in the editor's order.
 */
public record IssueText(String title, boolean editorTitle, Prose intro, Map<Theme, Prose> notes, Prose outlook,
        List<Deal> featured) {

    public static IssueText of(Lead lead, EditorFields editor, Map<UUID, Deal> deals) {
        Map<Theme, Prose> notes = new EnumMap<>(Theme.class);
        lead.sections().forEach((theme, sentence) -> {
            String note = editor.notes().get(theme.name());
            notes.put(theme, note == null ? Prose.plain(sentence) : EditorMarkdown.render(note));
        });
        return new IssueText(
                editor.title() == null ? lead.title() : editor.title(),
                editor.title() != null,
                editor.intro() == null ? Prose.plain(lead.intro()) : EditorMarkdown.render(editor.intro()),
                notes,
                editor.outlook() == null ? null : EditorMarkdown.render(editor.outlook()),
                editor.featuredIds().stream().map(deals::get).filter(Objects::nonNull).toList());
    }
}
