package io.dealwire.digest.issue;

import io.dealwire.contract.Deal;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.RareEarthElement;
import io.dealwire.contract.Stage;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns an issue's deals into a {@link DigestView}: subject, highlights, sections, figures. Pure. */
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
     * @param earlierCountries countries of the deals of every earlier issue, for "new to the digest"
     */
    public static DigestView compose(String title, IsoWeek week, List<Deal> deals, Set<String> earlierCountries,
            Links links) {
        List<Deal> ordered = deals.stream().sorted(READING_ORDER).toList();
        DigestFigures figures = new DigestFigures(ordered);
        String dateRange = dateRange(week, ordered);
        String subject = title + " — week of " + dateRange + ": " + Formats.plural(ordered.size(), "deal", "deals")
                + (figures.totals().isEmpty() ? "" : ", " + Formats.moneyTotals(figures.totals()) + " disclosed");
        Set<String> newCountries = figures.newCountries(earlierCountries);
        Highlights highlights = new Highlights(
                figures.totals().isEmpty() ? null : Formats.moneyTotals(figures.totals()),
                figures.dealsWithValue(),
                figures.largest(3),
                Formats.countries(List.copyOf(newCountries)).stream().sorted().toList(),
                byStage(ordered));
        return new DigestView(week.toString(), title, subject, dateRange, ordered.size(), figures.totals(),
                highlights, sections(ordered), figures.numbers(), links);
    }

    /** Mon–Fri of the week, or Mon–Sun when a deal of it was reported on its weekend. */
    public static String dateRange(IsoWeek week, List<Deal> deals) {
        boolean weekend = deals.stream().map(Deal::reportedOn)
                .anyMatch(d -> week.contains(d) && d.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue());
        return Formats.dateRange(week.firstDay(), weekend ? week.lastDay() : week.firstDay().plusDays(4));
    }

    static List<Section> sections(List<Deal> ordered) {
        Map<Theme, List<DealItem>> byTheme = new EnumMap<>(Theme.class);
        for (Deal deal : ordered) {
            byTheme.computeIfAbsent(Theme.of(deal), t -> new ArrayList<>()).add(item(deal));
        }
        return byTheme.entrySet().stream().map(e -> new Section(e.getKey().title(), e.getValue())).toList();
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

    static DealItem item(Deal deal) {
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
                isEarlierNews(deal));
    }

    /** Announced more than {@link #EARLIER_NEWS_DAYS} days before it was reported. */
    static boolean isEarlierNews(Deal deal) {
        return deal.reportedOn() != null
                && ChronoUnit.DAYS.between(deal.announcedOn(), deal.reportedOn()) > EARLIER_NEWS_DAYS;
    }
}
