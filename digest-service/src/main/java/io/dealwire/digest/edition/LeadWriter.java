package io.dealwire.digest.edition;

import io.dealwire.contract.Deal;
import io.dealwire.contract.DealType;
import io.dealwire.contract.IsoWeek;
import io.dealwire.contract.Party;
import io.dealwire.contract.PartyRole;
import io.dealwire.contract.Stage;
import io.dealwire.digest.issue.DigestComposer;
import io.dealwire.digest.issue.DigestFigures;
import io.dealwire.digest.issue.Formats;
import io.dealwire.digest.issue.Theme;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.ValueResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes the computed lead of an issue (title, intro, a sentence per section) from its deals alone:
 * pure and deterministic, nothing said that the fields do not say. Java computes the facts and picks
 * the frame; the wording is in the Qute fragments of {@code lead/sentences.txt} (a standalone engine,
 * so this class needs no Quarkus app).
 *
 * <p>Rules:
 * <ul>
 * <li><b>A deal</b> is named from its fields: the first party (a {@code GOVERNMENT} party by its
 * country), its value, its type ({@code Formats.label}), the other parties (at most
 * {@value #COUNTERPARTIES}, then "and N more") with "of" a target, "by" an acquirer or buyer of a
 * target, "to" from a grantor, lender or investor, "from" one, else "with"; and, for a facility or
 * production, its place: "JS Link's $223M facility in Columbus, Georgia, United States".</li>
 * <li><b>Title</b> (at most {@value #TITLE_MAX} characters), the first that applies: one deal → that
 * deal; countries new to the digest → they "join the digest"; a disclosed value → the largest deal
 * (of the currency with most deals) "tops the week"; else the busiest stage.</li>
 * <li><b>Intro</b>: the week and the deal count, with the <b>late reports</b> — deals announced before
 * the issue week's Monday — counted and their period named: each date is <i>early</i> (days 1–10),
 * <i>mid</i> (11–20) or <i>late</i> (21–end) <i>Month</i>, with the year when it is not the year of
 * the week's Monday; one or two periods are named ("in late August and early September"), more are
 * grouped as a span ("between mid-July and early September"), or as the month when they are all in
 * one ("in June"). Then the disclosed value per currency
 * (never converted, {@code Formats.money}) and the largest deal of each currency (ties all named);
 * the countries new to the digest as new entrants (not in the first issue, when {@code
 * earlierCountries} is empty: there every country would be "new"); the busiest stage (or that the deals
 * are spread evenly over their stages).</li>
 * <li><b>Section</b>: its deal count, the value disclosed when two or more of its deals disclosed one,
 * the deals named largest first (at most {@value #SECTION_DEALS}, then "and N more", but one more is named rather than counted), and the country
 * in most of its deals, when one country is in more than one and more than any other.</li>
 * <li>Lists name at most {@value #NAMED} (new entrants, largest deals, currencies), then "and N more".</li>
 * </ul>
 */
public final class LeadWriter {

    static final int TITLE_MAX = 120;
    static final int NAMED = 3;
    static final int SECTION_DEALS = 2;
    static final int COUNTERPARTIES = 2;

    private static final Engine ENGINE = Engine.builder().addDefaults()
            .addValueResolver(LeadWriter.<String>resolver(String.class, "cap", Formats::capitalized))
            .addValueResolver(LeadWriter.<String>resolver(String.class, "a", Formats::withArticle))
            .addValueResolver(LeadWriter.<String>resolver(String.class, "possessive", Formats::possessive))
            .addValueResolver(LeadWriter.<Number>resolver(Number.class, "word", n -> Formats.numberWord(n.longValue())))
            .addValueResolver(LeadWriter.<List<String>>resolver(List.class, "and", Formats::and))
            .addValueResolver(ValueResolver.builder()
                    .appliesTo(c -> c.getBase() instanceof Number && c.getName().equals("of")
                            && c.getParams().size() == 2)
                    .resolveSync(c -> Formats.plural(((Number) c.getBase()).longValue(), literal(c, 0),
                            literal(c, 1)))
                    .build())
            .build();
    private static final Template SENTENCES = ENGINE.parse(resource("/lead/sentences.txt"));

    private LeadWriter() {
    }

    /**
     * @param earlierCountries ISO codes of the countries of every earlier issue's deals (empty for the first issue)
     */
    public static Lead write(IsoWeek week, List<Deal> deals, Set<String> earlierCountries) {
        List<Deal> ordered = deals.stream().sorted(DigestComposer.READING_ORDER).toList();
        String range = DigestComposer.dateRange(week, ordered);
        if (ordered.isEmpty()) {
            return new Lead(frame("titleEmpty", Map.of("range", range)),
                    frame("openingEmpty", Map.of("range", range)), Map.of());
        }
        DigestFigures figures = new DigestFigures(ordered);
        List<String> entrants = earlierCountries.isEmpty() ? List.of()
                : figures.newCountries(earlierCountries).stream().map(Formats::countryInText).toList();
        StageCounts stages = new StageCounts(ordered);
        List<Deal> largest = largestPerCurrency(figures);

        String title = title(range, ordered, entrants, stages, largest);
        List<String> intro = new ArrayList<>();
        intro.add(opening(week, range, ordered));
        if (ordered.size() == 1) {
            intro.add(frame("single", Map.of("stage", Formats.label(ordered.get(0).stage()),
                    "deal", phrase(ordered.get(0), true))));
        } else if (figures.dealsWithValue() > 0) {
            intro.add(value(ordered.size(), figures, largest));
        }
        if (!entrants.isEmpty()) {
            intro.add(frame("entrants", Map.of("entrantCount", entrants.size(),
                    "entrants", Formats.and(entrants, NAMED, ", "))));
        }
        if (ordered.size() > 1) {
            intro.add(frame("busiest", stages.facts(ordered.size())));
        }

        Map<Theme, List<Deal>> byTheme = new EnumMap<>(Theme.class);
        ordered.forEach(d -> byTheme.computeIfAbsent(Theme.of(d), t -> new ArrayList<>()).add(d));
        Map<Theme, String> sections = new LinkedHashMap<>();
        byTheme.forEach((theme, sectionDeals) -> sections.put(theme, section(theme, sectionDeals)));
        return new Lead(title, String.join(" ", intro), sections);
    }

    private static String title(String range, List<Deal> ordered, List<String> entrants, StageCounts stages,
            List<Deal> largest) {
        int count = ordered.size();
        if (count == 1) {
            Deal deal = ordered.get(0);
            String title = frame("titleSingle", Map.of("deal", phrase(deal, true)));
            return fits(title) ? title : frame("titleSingleShort", Map.of("stage", Formats.label(deal.stage()),
                    "kind", Formats.label(deal.dealType()), "range", range));
        }
        if (!entrants.isEmpty()) {
            String title = frame("titleEntrants", Map.of("entrants", entrants, "count", count));
            if (fits(title)) {
                return title;
            }
        }
        if (!largest.isEmpty()) {
            Deal top = largest.get(0);
            int ties = (int) largest.stream().filter(d -> sameValue(d, top)).count();
            Map<String, Object> facts = Map.of("largest", phrase(top, true), "ties", ties,
                    "value", Formats.money(top.value()), "kind", Formats.label(top.dealType()), "count", count);
            String title = frame("titleLargest", facts);
            return fits(title) ? title : frame("titleLargestShort", facts);
        }
        return frame("titleStage", stages.facts(count));
    }

    private static boolean fits(String title) {
        return title.length() <= TITLE_MAX;
    }

    private static String opening(IsoWeek week, String range, List<Deal> ordered) {
        LocalDate monday = week.firstDay();
        TreeMap<LocalDate, String> periods = new TreeMap<>();
        ordered.stream().map(Deal::announcedOn).filter(d -> d.isBefore(monday))
                .forEach(d -> periods.put(periodStart(d), period(d, monday.getYear())));
        long late = ordered.stream().filter(d -> d.announcedOn().isBefore(monday)).count();
        List<String> named = List.copyOf(periods.values());
        if (named.size() > 2 && YearMonth.from(periods.firstKey()).equals(YearMonth.from(periods.lastKey()))) {
            named = List.of(month(periods.firstKey(), monday.getYear()));
        }
        return frame("opening", Map.of("range", range, "count", ordered.size(), "late", late, "periods", named));
    }

    /** {@code early August} (days 1–10), {@code mid-August} (11–20), {@code late August} (21–), with the year if not {@code year}. */
    static String period(LocalDate date, int year) {
        int day = date.getDayOfMonth();
        String month = month(date, year);
        return day <= 10 ? "early " + month : day <= 20 ? "mid-" + month : "late " + month;
    }

    private static String month(LocalDate date, int year) {
        return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + (date.getYear() == year ? "" : " " + date.getYear());
    }

    private static LocalDate periodStart(LocalDate date) {
        int day = date.getDayOfMonth();
        return date.withDayOfMonth(day <= 10 ? 1 : day <= 20 ? 11 : 21);
    }

    private static String value(int count, DigestFigures figures, List<Deal> largest) {
        Map<String, BigDecimal> totals = figures.totals();
        Map<String, Long> dealsPerCurrency = figures.byValue().stream()
                .collect(Collectors.groupingBy(d -> d.value().currency(), Collectors.counting()));
        List<String> shares = totals.entrySet().stream()
                .map(e -> frame("share", Map.of("money", Formats.money(e.getValue(), e.getKey()),
                        "deals", dealsPerCurrency.get(e.getKey()))))
                .toList();
        List<String> named = largest.stream().map(d -> phrase(d, true)).toList();
        Map<String, Object> facts = new HashMap<>();
        facts.put("count", count);
        facts.put("withValue", figures.dealsWithValue());
        facts.put("currencies", totals.size());
        facts.put("total", Formats.moneyTotals(totals));
        facts.put("shares", Formats.and(shares, NAMED, ", "));
        facts.put("largest", Formats.and(named, NAMED, separator(named)));
        facts.put("largestCount", named.size());
        return frame("value", facts);
    }

    /** The largest deal of each currency ({@code DigestFigures.totals} order), deals of equal amount all. */
    private static List<Deal> largestPerCurrency(DigestFigures figures) {
        List<Deal> largest = new ArrayList<>();
        Deal top = null;
        for (Deal deal : figures.byValue()) {
            if (top == null || !deal.value().currency().equals(top.value().currency())) {
                top = deal;
                largest.add(deal);
            } else if (sameValue(deal, top)) {
                largest.add(deal);
            }
        }
        return largest;
    }

    private static boolean sameValue(Deal a, Deal b) {
        return a.value().currency().equals(b.value().currency())
                && a.value().amount().compareTo(b.value().amount()) == 0;
    }

    private static String section(Theme theme, List<Deal> deals) {
        DigestFigures figures = new DigestFigures(deals);
        List<Deal> ranked = new ArrayList<>(figures.byValue());
        deals.stream().filter(d -> d.value() == null).forEach(ranked::add);
        List<String> phrases = ranked.stream().map(d -> phrase(d, true)).toList();

        Map<String, Long> perCountry = new TreeMap<>();
        deals.forEach(d -> d.countries().forEach(c -> perCountry.merge(c, 1L, Long::sum)));
        long most = perCountry.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<String> leaders = perCountry.entrySet().stream().filter(e -> e.getValue() == most)
                .map(Map.Entry::getKey).toList();
        boolean oneLeads = deals.size() > 1 && most > 1 && leaders.size() == 1;

        Map<String, Object> facts = new HashMap<>();
        facts.put("theme", theme.name());
        facts.put("count", deals.size());
        facts.put("disclosed", figures.dealsWithValue() > 1 ? Formats.moneyTotals(figures.totals()) : null);
        facts.put("deals", Formats.and(phrases, SECTION_DEALS, separator(phrases)));
        facts.put("country", oneLeads ? Formats.countryInText(leaders.get(0)) : null);
        facts.put("countryDeals", most);
        return frame("section", facts);
    }

    /** Items that hold commas themselves are listed with semicolons. */
    private static String separator(List<String> items) {
        return items.stream().anyMatch(i -> i.contains(",")) ? "; " : ", ";
    }

    /** The deal named from its fields, e.g. {@code Apple's $500M partnership with MP Materials}. */
    static String phrase(Deal deal, boolean withValue) {
        Party first = deal.parties().get(0);
        String subject = name(first);
        List<Party> others = deal.parties().stream().skip(1).filter(p -> !name(p).equals(subject)).toList();
        Map<String, Object> facts = new HashMap<>();
        facts.put("subject", subject);
        facts.put("value", withValue && deal.value() != null ? Formats.money(deal.value()) : null);
        facts.put("kind", Formats.label(deal.dealType()));
        facts.put("prep", preposition(first.role(), others));
        facts.put("others", others.isEmpty() ? null
                : Formats.and(others.stream().map(LeadWriter::name).toList(), COUNTERPARTIES, ", "));
        boolean located = deal.dealType() == DealType.FACILITY || deal.dealType() == DealType.PRODUCTION;
        facts.put("place", located && deal.location() != null ? Formats.place(deal.location()) : null);
        return frame("deal", facts);
    }

    /** A government by its country ({@code Pakistan}, {@code the United States}), anyone else by name. */
    private static String name(Party party) {
        return party.role() == PartyRole.GOVERNMENT ? Formats.countryInText(party.country()) : party.name();
    }

    private static String preposition(PartyRole subject, List<Party> others) {
        Set<String> preps = others.stream().map(o -> preposition(subject, o.role())).collect(Collectors.toSet());
        return preps.size() == 1 ? preps.iterator().next() : "with";
    }

    private static String preposition(PartyRole subject, PartyRole other) {
        Predicate<PartyRole> funder = r -> r == PartyRole.GRANTOR || r == PartyRole.LENDER
                || r == PartyRole.INVESTOR;
        if (other == PartyRole.TARGET) {
            return "of";
        }
        if (subject == PartyRole.TARGET && (other == PartyRole.ACQUIRER || other == PartyRole.BUYER)) {
            return "by";
        }
        if (funder.test(subject)) {
            return "to";
        }
        return funder.test(other) ? "from" : "with";
    }

    /** Deal counts per stage and the busiest stage(s), for the intro and the title. */
    private record StageCounts(Map<Stage, Long> counts) {

        StageCounts(List<Deal> deals) {
            this(deals.stream().collect(Collectors.groupingBy(Deal::stage, () -> new EnumMap<>(Stage.class),
                    Collectors.counting())));
        }

        Map<String, Object> facts(int count) {
            long busiest = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<String> busiestStages = counts.entrySet().stream().filter(e -> e.getValue() == busiest)
                    .map(e -> Formats.label(e.getKey())).toList();
            return Map.of("count", count, "stages", counts.size(), "busiest", busiest,
                    "tie", busiestStages.size() > 1, "evenly", busiestStages.size() == counts.size(),
                    "busiestStages", busiestStages, "stage", busiestStages.get(0));
        }
    }

    private static String frame(String id, Map<String, ?> facts) {
        TemplateInstance instance = SENTENCES.getFragment(id).instance();
        facts.forEach(instance::data);
        return tidy(instance.render());
    }

    /** Whitespace, line breaks included, is one space; none before {@code , . ; :}. */
    static String tidy(String text) {
        return text.replaceAll("\\s+", " ").replaceAll(" ([,.;:])", "$1").trim();
    }

    private static <T> ValueResolver resolver(Class<?> base, String name, Function<T, String> function) {
        return ValueResolver.builder()
                .appliesTo(c -> base.isInstance(c.getBase()) && c.getName().equals(name) && c.getParams().isEmpty())
                .resolveSync(c -> {
                    @SuppressWarnings("unchecked")
                    T value = (T) c.getBase();
                    return function.apply(value);
                })
                .build();
    }

    private static String literal(EvalContext context, int index) {
        Expression param = context.getParams().get(index);
        if (!param.isLiteral()) {
            throw new IllegalArgumentException("lead/sentences.txt: a literal is expected in " + param.toOriginalString());
        }
        return String.valueOf(param.getLiteral());
    }

    private static String resource(String path) {
        try (InputStream in = LeadWriter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
