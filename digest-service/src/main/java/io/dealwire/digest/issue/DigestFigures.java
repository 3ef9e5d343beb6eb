package io.dealwire.digest.issue;

import io.dealwire.contract.CapacityUnit;
import io.dealwire.contract.Deal;
import io.dealwire.contract.DealType;
import io.dealwire.contract.RareEarthElement;
import io.dealwire.digest.issue.DigestView.Figure;
import io.dealwire.digest.issue.DigestView.LargestDeal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sums and counts over an issue's deals (or a section's). Values are summed per currency, never
 * converted. Public for the edition's lead ({@code edition/LeadWriter}), which states the same figures.
 */
public final class DigestFigures {

    private final List<Deal> deals;
    private final Map<String, BigDecimal> totals;

    /** @param deals in reading order ({@link DigestComposer#READING_ORDER}) */
    public DigestFigures(List<Deal> deals) {
        this.deals = deals;
        this.totals = totals(deals);
    }

    /** Disclosed value per currency, the currency with the most deals first (then the larger sum). */
    public Map<String, BigDecimal> totals() {
        return totals;
    }

    public int dealsWithValue() {
        return (int) deals.stream().filter(d -> d.value() != null).count();
    }

    Set<String> countries() {
        return deals.stream().flatMap(d -> d.countries().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Countries of these deals not in {@code earlierCountries} (those of every earlier issue), in the
     * order they first appear in the deals.
     */
    public Set<String> newCountries(Set<String> earlierCountries) {
        Set<String> fresh = new LinkedHashSet<>();
        deals.forEach(d -> d.countries().stream().filter(c -> !earlierCountries.contains(c)).forEach(fresh::add));
        return fresh;
    }

    /**
     * The deals with a value, largest first within each currency, currencies in {@link #totals()}
     * order; equal amounts in reading order.
     */
    public List<Deal> byValue() {
        List<Deal> ranked = new ArrayList<>();
        for (String currency : totals.keySet()) {
            deals.stream()
                    .filter(d -> d.value() != null && d.value().currency().equals(currency))
                    .sorted(Comparator.comparing((Deal d) -> d.value().amount()).reversed())
                    .forEach(ranked::add);
        }
        return ranked;
    }

    /**
     * The largest deals: per currency (in {@link #totals()} order) by amount, at most {@code limit}
     * in all, so a yen amount never outranks dollars by its number alone.
     */
    List<LargestDeal> largest(int limit) {
        return byValue().stream().limit(limit)
                .map(d -> new LargestDeal(d.headline(), Formats.money(d.value()))).toList();
    }

    List<Figure> numbers() {
        List<Figure> numbers = new ArrayList<>();
        numbers.add(new Figure("Deals", Integer.toString(deals.size())));
        if (!totals.isEmpty()) {
            numbers.add(new Figure("Disclosed value", Formats.moneyTotals(totals) + " across "
                    + Formats.plural(dealsWithValue(), "deal", "deals")));
        }
        Set<String> countries = countries();
        numbers.add(new Figure("Countries involved", countries.size() + " ("
                + String.join(", ", Formats.countries(List.copyOf(countries)).stream().sorted().toList()) + ")"));
        numbers.add(new Figure("Deal types", counted(deals, Deal::dealType, DealType.class)));
        long jobs = deals.stream().map(Deal::jobs).filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
        if (jobs > 0) {
            numbers.add(new Figure("Jobs announced", Formats.number(jobs)));
        }
        Map<CapacityUnit, BigDecimal> capacity = new EnumMap<>(CapacityUnit.class);
        deals.stream().map(Deal::capacity).filter(Objects::nonNull)
                .forEach(c -> capacity.merge(c.unit(), c.amount(), BigDecimal::add));
        if (!capacity.isEmpty()) {
            numbers.add(new Figure("Capacity announced", capacity.entrySet().stream()
                    .map(e -> Formats.capacity(new io.dealwire.contract.Capacity(e.getValue(), e.getKey())))
                    .collect(Collectors.joining(" + "))));
        }
        Map<RareEarthElement, Long> elements = deals.stream().filter(d -> d.elements() != null)
                .flatMap(d -> d.elements().stream())
                .collect(Collectors.groupingBy(e -> e, () -> new EnumMap<>(RareEarthElement.class),
                        Collectors.counting()));
        if (!elements.isEmpty()) {
            numbers.add(new Figure("Elements named", elements.entrySet().stream()
                    .sorted(Map.Entry.<RareEarthElement, Long>comparingByValue().reversed()
                            .thenComparing(e -> e.getKey().symbol()))
                    .map(e -> e.getKey().symbol() + " " + e.getValue())
                    .collect(Collectors.joining(", "))));
        }
        return numbers;
    }

    private static <E extends Enum<E>> String counted(List<Deal> deals, Function<Deal, E> key, Class<E> type) {
        Map<E, Long> counts = deals.stream()
                .collect(Collectors.groupingBy(key, () -> new EnumMap<>(type), Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<E, Long>comparingByValue().reversed()
                        .thenComparing(e -> Formats.label(e.getKey())))
                .map(e -> Formats.label(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static Map<String, BigDecimal> totals(List<Deal> deals) {
        Map<String, List<Deal>> byCurrency = deals.stream().filter(d -> d.value() != null)
                .collect(Collectors.groupingBy(d -> d.value().currency()));
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        byCurrency.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Deal>> e) -> e.getValue().size()).reversed()
                        .thenComparing(e -> sum(e.getValue()), Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> sums.put(e.getKey(), sum(e.getValue())));
        return sums;
    }

    private static BigDecimal sum(List<Deal> deals) {
        return deals.stream().map(d -> d.value().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
