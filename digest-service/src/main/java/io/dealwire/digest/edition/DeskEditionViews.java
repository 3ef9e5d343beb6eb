package io.dealwire.digest.edition;

import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.digest.deals.DigestDeal;
import io.dealwire.digest.issue.DigestRenderer;
import io.dealwire.digest.issue.DigestView;
import io.dealwire.digest.issue.IssueDeals;
import io.dealwire.digest.issue.IssueViews;
import io.dealwire.digest.issue.Theme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads what the desk's week page shows, in one transaction: edition, deals and the email preview. */
@ApplicationScoped
public class DeskEditionViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Editions editions;

    @Inject
    IssueDeals issueDeals;

    @Inject
    IssueViews issueViews;

    @Inject
    DigestRenderer renderer;

    /**
     * The page; {@code typed} null shows what is saved, else the editor's own text (a refused save).
     * A typed form without a version (after a conflict) posts the version saved now, so saving again
     * is a deliberate overwrite by someone who has been told.
     */
    @Transactional
    public DeskEditionPage page(IsoWeek week, DeskForm typed, Map<String, String> errors, String notice, String alert,
            int width, String csrf) {
        EditionView view = editions.read(week);
        DeskForm form = typed == null ? DeskForm.of(view.editor(), view.version()) : typed;
        int version = form.version() == null ? view.version() : parseOr(form.version(), view.version());
        Optional<DigestView> preview = issueViews.preview(week);
        DeskWeek line = new DeskWeek(week.toString(), 0, view.status());
        return new DeskEditionPage(week.toString(), line.days(), view.status(), version, view.version(),
                view.updatedBy(), view.updatedAt() == null ? null : WHEN.format(view.updatedAt()), view.computed(),
                form, sections(view, form), deals(week, form), errors, notice, alert,
                preview.map(shown -> renderer.mail(shown).text()).orElse(null), width, csrf);
    }

    /** The email's HTML part exactly as the admin send would send it now. */
    @Transactional
    public Optional<String> previewHtml(IsoWeek week) {
        return issueViews.preview(week).map(view -> renderer.mail(view).html());
    }

    /** The sections the issue has, and any other one the editor already wrote a note for (kept, not lost). */
    private static List<DeskEditionPage.Section> sections(EditionView view, DeskForm form) {
        return Arrays.stream(Theme.values())
                .filter(theme -> view.computed().sections().containsKey(theme.name())
                        || !isBlank(form.note(theme.name())))
                .map(theme -> new DeskEditionPage.Section(theme.name(), theme.title(),
                        view.computed().sections().get(theme.name())))
                .toList();
    }

    /** The issue's deals now, plus those the editor excluded from this week (so they can be taken back). */
    private List<DeskEditionPage.DealRow> deals(IsoWeek week, DeskForm form) {
        Map<UUID, Deal> deals = new LinkedHashMap<>(issueDeals.ofWeek(week));
        for (ExcludedDeal excluded : ExcludedDeal.<ExcludedDeal>list("week", week.toString())) {
            DigestDeal deal = DigestDeal.findById(excluded.dealId);
            if (deal != null && deal.content != null) {
                deals.putIfAbsent(excluded.dealId, deal.deal());
            }
        }
        return deals.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<UUID, Deal> e) -> Theme.of(e.getValue()))
                        .thenComparing(e -> e.getValue().reportedOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(e -> e.getValue().headline()))
                .map(e -> new DeskEditionPage.DealRow(e.getKey(), e.getValue().headline(), Theme.of(e.getValue()).title(),
                        e.getValue().reportedOn(), form.choice(e.getKey())))
                .toList();
    }

    private static int parseOr(String number, int fallback) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
