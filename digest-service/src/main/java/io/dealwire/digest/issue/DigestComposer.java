package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.RareEarthElement;
import io.dealwire.contract.Stage;
import io.dealwire.digest.edition.EditorFields;
import io.dealwire.digest.edition.IssueText;
import io.dealwire.digest.edition.LeadWriter;
import io.dealwire.digest.issue.DigestView.DealItem;
import io.dealwire.digest.issue.DigestView.Highlights;
import io.dealwire.digest.issue.DigestView.Links;
import io.dealwire.digest.issue.DigestView.PartyItem;
import io.dealwire.digest.issue.DigestView.Section;
import java.time.DayOfWeek;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns an issue's deals and its edition into a {@link DigestView}: subject, title line, intro,
 * highlights, featured deals, sections with their notes, figures, outlook. Pure.
 */
public final class DigestComposer {

    /** Within a section: in the order they were reported, then announced. */
    public static final Comparator<Deal> READING_ORDER = Comparator.comparing(Deal::reportedOn)
            .thenComparing(Deal::announcedOn)
            .thenComparing(Deal::headline);

    /** A deal announced more than this many days before its report is "earlier news" on its card. */
    public static final int EARLIER_NEWS_DAYS = 30;

    private DigestComposer() {
    }

    /**
     * @param deals the issue's deals (or a subscriber's share of them) by dealId
     * @param earlierCountries countries of the deals of every earlier issue, for "new to the digest"
     * @param editor the editor's fields; {@link EditorFields#NONE} for the automatic edition
     */
    public static DigestView compose(String brand, IsoWeek week, Map<UUID, Deal> deals, Set<String> earlierCountries,
            EditorFields editor, Links links) {
        List<Deal> ordered = deals.values().stream().sorted(READING_ORDER).toList();
        IssueText text = IssueText.of(LeadWriter.write(week, ordered, earlierCountries), editor, deals);
        DigestFigures figures = new DigestFigures(ordered);
        String dateRange = dateRange(week, ordered);
        String subject = (text.editorTitle() ? text.title() : brand) + " — week of " + dateRange + ": "
                + Formats.plural(ordered.size(), "deal", "deals")
                + (figures.totals().isEmpty() ? "" : ", " + Formats.moneyTotals(figures.totals()) + " disclosed");
        Set<String> newCountries = figures.newCountries(earlierCountries);
        Highlights highlights = new Highlights(
                figures.totals().isEmpty() ? null : Formats.moneyTotals(figures.totals()),
                figures.dealsWithValue(),
                figures.largest(3),
                Formats.countries(List.copyOf(newCountries)).stream().sorted().toList(),
                byStage(ordered));
        Set<Deal> featured = Set.copyOf(text.featured());
        Map<Deal, Integer> significance = significance(figures, ordered);
        return new DigestView(week.toString(), brand, text.title(), subject, dateRange, ordered.size(),
                figures.totals(), text.intro(), highlights,
                text.featured().stream().map(d -> item(d, significance.get(d))).toList(),
                sections(ordered, featured, text, significance), figures.numbers(), text.outlook(), links);
    }

    /** Mon–Fri of the week, or Mon–Sun when a deal of it was reported on its weekend. */
    public static String dateRange(IsoWeek week, List<Deal> deals) {
        boolean weekend = deals.stream().map(Deal::reportedOn)
                .anyMatch(d -> week.contains(d) && d.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue());
        return Formats.dateRange(week.firstDay(), weekend ? week.lastDay() : week.firstDay().plusDays(4));
    }

    /** The sections by theme, each led by its note; featured deals are shown in their block instead. */
    static List<Section> sections(List<Deal> ordered, Set<Deal> featured, IssueText text,
            Map<Deal, Integer> significance) {
        Map<Theme, List<DealItem>> byTheme = new EnumMap<>(Theme.class);
        for (Deal deal : ordered) {
            List<DealItem> items = byTheme.computeIfAbsent(Theme.of(deal), t -> new ArrayList<>());
            if (!featured.contains(deal)) {
                items.add(item(deal, significance.get(deal)));
            }
        }
        return byTheme.entrySet().stream()
                .map(e -> new Section(e.getKey().name().toLowerCase(Locale.ROOT), e.getKey().title(),
                        text.notes().get(e.getKey()), e.getValue(), 0, null))
                .toList();
    }

    /**
     * Rank of each deal when a mail must leave some out: deals with a value first (per currency, in
     * the order of {@link DigestFigures#byValue()}), then the rest, most recently announced first.
     */
    static Map<Deal, Integer> significance(DigestFigures figures, List<Deal> ordered) {
        List<Deal> ranked = new ArrayList<>(figures.byValue());
        ordered.stream().filter(d -> d.value() == null)
                .sorted(Comparator.comparing(Deal::announcedOn).reversed().thenComparing(READING_ORDER))
                .forEach(ranked::add);
        Map<Deal, Integer> significance = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            significance.putIfAbsent(ranked.get(i), i);
        }
        return significance;
    }

    private static String byStage(List<Deal> deals) {
        Map<Stage, Long> counts = deals.stream()
                .collect(Collectors.groupingBy(Deal::stage, () -> new EnumMap<>(Stage.class), Collectors.counting()));
        // cross-chain first, like the sections
        List<Stage> order = List.of(Stage.CROSS_CHAIN, Stage.UPSTREAM, Stage.MIDSTREAM, Stage.DOWNSTREAM,
                Stage.RECYCLING);
        return order.stream().filter(counts::containsKey)
                .map(s -> counts.get(s) + " " + Formats.label(s)).collect(Collectors.joining(" · "));
    }

    static DealItem item(Deal deal, int significance) {
        List<PartyItem> parties = deal.parties().stream()
                .map(p -> new PartyItem(p.name(), Formats.label(p.role()), Formats.country(p.country())))
                .toList();
        List<String> sources = deal.sources() == null ? List.of()
                : deal.sources().stream().filter(s -> s.startsWith("https://")).toList();
        return new DealItem(
                deal.headline(),
                deal.summary(),
                Formats.title(deal.dealType()) + " · " + Formats.label(deal.stage()),
                parties,
                deal.location() == null ? null : Formats.place(deal.location()),
                deal.value() == null ? null : Formats.money(deal.value()),
                deal.capacity() == null ? null : Formats.capacity(deal.capacity()),
                deal.jobs() == null ? null : Formats.number(deal.jobs()),
                Formats.day(deal.announcedOn()),
                Formats.day(deal.reportedOn()),
                Formats.partialDate(deal.expectedStart()),
                deal.elements() == null || deal.elements().isEmpty() ? null
                        : deal.elements().stream().map(RareEarthElement::symbol).collect(Collectors.joining(", ")),
                deal.products() == null || deal.products().isEmpty() ? null : String.join(", ", deal.products()),
                sources,
                isEarlierNews(deal),
                significance);
    }

    /** Announced more than {@link #EARLIER_NEWS_DAYS} days before it was reported. */
    static boolean isEarlierNews(Deal deal) {
        return deal.reportedOn() != null
                && ChronoUnit.DAYS.between(deal.announcedOn(), deal.reportedOn()) > EARLIER_NEWS_DAYS;
    }
}
