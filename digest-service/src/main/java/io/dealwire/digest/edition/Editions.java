package io.dealwire.digest.edition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.issue.Issue;
import io.dealwire.digest.issue.IssueDeals;
import io.dealwire.digest.issue.IssueFreezer;
import io.dealwire.problem.Problem;
import io.dealwire.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The editorial edition of each week: read with its computed lead, saved and approved under
 * optimistic concurrency (a version, sent as ETag / If-Match), every change kept as a revision.
 */
@ApplicationScoped
public class Editions {

    @Inject
    IssueDeals issueDeals;

    @Inject
    EditionRules rules;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional
    public EditionView read(IsoWeek week) {
        Map<UUID, Deal> deals = issueDeals.ofWeek(week);
        Optional<Edition> edition = Edition.findByIdOptional(week.toString());
        if (deals.isEmpty() && edition.isEmpty() && !frozen(week)) {
            throw new ProblemException(404, "Week " + week + " has no deal yet.");
        }
        return view(week, edition, deals);
    }

    /** Saves the editor's fields; an APPROVED edition becomes a DRAFT again. */
    @Transactional
    public EditionView save(IsoWeek week, EditorFields fields, String ifMatch, String who) {
        Edition edition = lockForChange(week, ifMatch);
        EditorFields normalized = fields.normalized();
        rules.check(normalized, weekDeals(week));
        edition.editor = write(normalized);
        edition.status = Edition.Status.DRAFT;
        bump(edition, who);
        exclude(edition.week, normalized.excludedIds());
        return view(week, Optional.of(edition), issueDeals.ofWeek(week));
    }

    /** Makes the week's exclusions exactly {@code dealIds}: only the difference is written. */
    private void exclude(String week, List<UUID> dealIds) {
        Set<UUID> wanted = new HashSet<>(dealIds);
        for (ExcludedDeal excluded : ExcludedDeal.<ExcludedDeal>list("week", week)) {
            if (!wanted.remove(excluded.dealId)) {
                excluded.delete();
            }
        }
        for (UUID dealId : wanted) {
            ExcludedDeal excluded = new ExcludedDeal();
            excluded.dealId = dealId;
            excluded.week = week;
            excluded.persist();
        }
    }

    @Transactional
    public EditionView approve(IsoWeek week, String ifMatch, String who) {
        Edition edition = lockForChange(week, ifMatch);
        edition.status = Edition.Status.APPROVED;
        bump(edition, who);
        return view(week, Optional.of(edition), issueDeals.ofWeek(week));
    }

    @Transactional
    public List<RevisionView> revisions(IsoWeek week) {
        return EditionRevision.<EditionRevision>list("week = ?1 order by version", week.toString()).stream()
                .map(r -> new RevisionView(r.version, r.status, read(r.editor), r.savedAt, r.savedBy))
                .toList();
    }

    /** The editor's fields as they stand (admin send, preview); none when nobody edited the week. */
    public EditorFields current(String week) {
        return Edition.<Edition>findByIdOptional(week).map(e -> read(e.editor)).orElse(EditorFields.NONE);
    }

    /** Whether the weekly job may send the week when approval is required. */
    @Transactional
    public boolean approvedOrFrozen(String week) {
        return Issue.findById(week) != null
                || Edition.<Edition>findByIdOptional(week).map(e -> e.status == Edition.Status.APPROVED).orElse(false);
    }

    /**
     * What an issue is frozen with: by the admin send the current fields, by the scheduler the approved
     * ones only (an unapproved draft's text is not sent; its exclusions hold either way). The edition
     * becomes SENT. Runs in the freeze's transaction, under its lock.
     */
    public EditorFields takeForFreeze(String week, boolean scheduled, String who) {
        Optional<Edition> edition = Edition.findByIdOptional(week);
        if (edition.isEmpty()) {
            return EditorFields.NONE;
        }
        Edition taken = edition.get();
        EditorFields fields = scheduled && taken.status != Edition.Status.APPROVED ? EditorFields.NONE
                : read(taken.editor);
        taken.status = Edition.Status.SENT;
        bump(taken, who);
        return fields;
    }

    public String write(EditorFields fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public EditorFields read(String fields) {
        if (fields == null) {
            return EditorFields.NONE;
        }
        try {
            return json.readValue(fields, EditorFields.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("edition fields unreadable: " + e.getMessage(), e);
        }
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    private Edition lockForChange(IsoWeek week, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428,
                    "Send If-Match with the edition's ETag (from GET), so no one's save is overwritten unseen."));
        }
        IssueFreezer.lockIssues(em);
        if (frozen(week)) {
            throw new ProblemException(Problem.of(409, "Week " + week + " has already been sent; its edition is final."));
        }
        String name = week.toString();
        Edition edition = Edition.findById(name);
        if (edition == null) {
            edition = new Edition();
            edition.week = name;
            edition.status = Edition.Status.DRAFT;
            edition.version = 0;
            edition.editor = write(EditorFields.NONE);
        }
        if (!ifMatch.strip().equals(etag(edition.version))) {
            throw new ProblemException(Problem.of(412, "The edition changed since you read it (now version "
                    + edition.version + "): read it again and redo your change.")).withHeader("ETag", etag(edition.version));
        }
        return edition;
    }

    private void bump(Edition edition, String who) {
        edition.version++;
        edition.updatedAt = Instant.now();
        edition.updatedBy = who;
        if (!edition.isPersistent()) {
            edition.persist();
        }
        EditionRevision.of(edition).persist();
    }

    /** Deals an editor may name: the week's issue now, and those this week excluded. */
    private Set<UUID> weekDeals(IsoWeek week) {
        Set<UUID> deals = new HashSet<>(issueDeals.ofWeek(week).keySet());
        ExcludedDeal.<ExcludedDeal>list("week", week.toString()).forEach(excluded -> deals.add(excluded.dealId));
        return deals;
    }

    private boolean frozen(IsoWeek week) {
        return Issue.findById(week.toString()) != null;
    }

    private EditionView view(IsoWeek week, Optional<Edition> edition, Map<UUID, Deal> deals) {
        Lead lead = deals.isEmpty() ? null : LeadWriter.write(week, List.copyOf(deals.values()),
                issueDeals.earlierCountries(week.toString()));
        Map<String, String> sections = new LinkedHashMap<>();
        if (lead != null) {
            lead.sections().forEach((theme, sentence) -> sections.put(theme.name(), sentence));
        }
        EditionView.Computed computed = lead == null ? new EditionView.Computed(null, null, sections)
                : new EditionView.Computed(lead.title(), lead.intro(), sections);
        Edition.Status status = frozen(week) ? Edition.Status.SENT
                : edition.map(e -> e.status).orElse(Edition.Status.DRAFT);
        return new EditionView(week.toString(), status, edition.map(e -> e.version).orElse(0), computed,
                edition.map(e -> read(e.editor)).orElse(EditorFields.NONE),
                edition.map(e -> e.updatedAt).orElse(null), edition.map(e -> e.updatedBy).orElse(null));
    }
}
