package io.dealwire.catalog.week;

import io.dealwire.catalog.deal.DealEntity;
import io.dealwire.catalog.deal.DealView;
import io.dealwire.contract.IsoWeek;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Computes a week's summary: a week holds tens of deals, so they are summed in Java. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WeekSummaryService {

    /** How many deals "largest" lists. */
    static final int LARGEST = 5;

    private final EntityManager em;

    public WeekSummaryService(EntityManager em) {
        this.em = em;
    }

    public WeekSummary summarize(IsoWeek week) {
        List<DealEntity> deals = DealEntity.list(
                "week = ?1 and status = io.dealwire.catalog.deal.DealStatus.ACTIVE order by reportedOn desc, dealId",
                week.toString());
        Figures.Sum total = new Figures.Sum();
        Map<String, Figures.Sum> byStage = new TreeMap<>();
        Map<String, Figures.Sum> byDealType = new TreeMap<>();
        Map<String, Figures.Sum> byCountry = new TreeMap<>();
        for (DealEntity deal : deals) {
            total.add(deal.valueAmount, deal.valueCurrency);
            byStage.computeIfAbsent(deal.stage, k -> new Figures.Sum()).add(deal.valueAmount, deal.valueCurrency);
            byDealType.computeIfAbsent(deal.dealType, k -> new Figures.Sum()).add(deal.valueAmount, deal.valueCurrency);
            for (String country : deal.countries) {
                byCountry.computeIfAbsent(country, k -> new Figures.Sum()).add(deal.valueAmount, deal.valueCurrency);
            }
        }
        Figures totals = total.figures();
        return new WeekSummary(week.toString(), totals.count(), totals.disclosedValue(), figures(byStage),
                figures(byDealType), figures(byCountry), largest(deals), newCountries(week));
    }

    /**
     * The largest deals per currency, never compared across currencies (¥100B must not outrank
     * $500M): currencies by how many of the week's deals use them (then by code), and within a
     * currency by amount (ties by dealId); at most {@link #LARGEST} in all.
     */
    static List<DealView> largest(List<DealEntity> deals) {
        Map<String, List<DealEntity>> byCurrency = deals.stream()
                .filter(d -> d.valueAmount != null)
                .collect(Collectors.groupingBy(d -> d.valueCurrency, TreeMap::new, Collectors.toList()));
        return byCurrency.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<DealEntity>> e) -> e.getValue().size())
                        .reversed().thenComparing(Map.Entry::getKey))
                .flatMap(e -> e.getValue().stream()
                        .sorted(Comparator.comparing((DealEntity d) -> d.valueAmount).reversed()
                                .thenComparing(d -> d.dealId)))
                .limit(LARGEST)
                .map(DealView::of)
                .toList();
    }

    /** Countries of the week's active deals that no active deal of an earlier week had. */
    @SuppressWarnings("unchecked")
    private List<String> newCountries(IsoWeek week) {
        return em.createNativeQuery("""
                SELECT DISTINCT c FROM {h-schema}deal d, unnest(d.countries) AS c
                WHERE d.week = :week AND d.status = 'ACTIVE'
                  AND NOT EXISTS (SELECT 1 FROM {h-schema}deal e
                                  WHERE e.status = 'ACTIVE' AND e.reported_on < :firstDay
                                    AND e.countries @> ARRAY[c])
                ORDER BY c""")
                .setParameter("week", week.toString())
                .setParameter("firstDay", week.firstDay())
                .getResultList();
    }

    private static Map<String, Figures> figures(Map<String, Figures.Sum> sums) {
        Map<String, Figures> out = new LinkedHashMap<>();
        sums.forEach((key, sum) -> out.put(key, sum.figures()));
        return out;
    }

}
