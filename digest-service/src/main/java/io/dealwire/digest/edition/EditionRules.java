package io.dealwire.digest.edition;

import io.dealwire.digest.issue.Theme;
import io.dealwire.problem.FieldError;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an editor's save must satisfy beyond the field sizes (checked by Bean Validation first):
 * known section keys, deals of this week only, https links, a one-line title. All problems at once,
 * each naming its field; nothing is saved when there is one.
 */
@ApplicationScoped
public class EditionRules {

    private static final List<String> SECTIONS = Arrays.stream(Theme.values()).map(Theme::name).toList();

    public void check(EditorFields fields, Set<UUID> weekDeals) {
        List<FieldError> errors = new ArrayList<>();
        // the title goes into the Subject header: no line break may reach it
        if (fields.title() != null && fields.title().chars().anyMatch(c -> c == '\n' || c == '\r')) {
            errors.add(new FieldError("title", "must be one line"));
        }
        markdown("intro", fields.intro(), errors);
        markdown("outlook", fields.outlook(), errors);
        for (Map.Entry<String, String> note : fields.notes().entrySet()) {
            if (!SECTIONS.contains(note.getKey())) {
                errors.add(new FieldError("sections." + note.getKey(), "unknown section; one of " + SECTIONS));
            } else {
                markdown("sections." + note.getKey(), note.getValue(), errors);
            }
        }
        deals("featured", fields.featuredIds(), weekDeals, errors);
        deals("excluded", fields.excludedIds(), weekDeals, errors);
        for (int i = 0; i < fields.featuredIds().size(); i++) {
            if (fields.excludedIds().contains(fields.featuredIds().get(i))) {
                errors.add(new FieldError("featured[" + i + "]", "a deal cannot be featured and excluded at once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "the edition has invalid fields").withErrors(errors));
        }
    }

    private static void markdown(String field, String text, List<FieldError> errors) {
        if (text != null) {
            EditorMarkdown.problems(text).forEach(problem -> errors.add(new FieldError(field, problem)));
        }
    }

    private static void deals(String field, List<UUID> ids, Set<UUID> weekDeals, List<FieldError> errors) {
        for (int i = 0; i < ids.size(); i++) {
            if (!weekDeals.contains(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "deal " + ids.get(i) + " is not in this week's issue"));
            } else if (ids.indexOf(ids.get(i)) < i) {
                errors.add(new FieldError(field + "[" + i + "]", "deal " + ids.get(i) + " is listed twice"));
            }
        }
    }
}
